import sharp from "sharp";
import { RequestError } from "./types.js";

/** Decoded RGB pixels of an image, or a 415 when sharp cannot decode the bytes. */
export async function decodeImage(
  bytes: Buffer,
  maxSide = 2048,
): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw new RequestError(
      415,
      `the body is not an image that can be decoded (PNG, JPEG, WebP, GIF, TIFF, AVIF): ${(error as Error).message}`,
    );
  }
}

/** The image re-encoded as PNG (what tesseract reads best), or a 415. */
export async function toPng(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000 }).rotate().png().toBuffer();
  } catch (error) {
    throw new RequestError(
      415,
      `the body is not an image that can be decoded (PNG, JPEG, WebP, GIF, TIFF, AVIF): ${(error as Error).message}`,
    );
  }
}
