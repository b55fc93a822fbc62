import { bytesToBase64 } from "../base64.js";

/** A media type from the first bytes (PNG, JPEG, WebP, GIF, FLAC, WAV, Ogg, MP3), else `fallback`. */
export function sniffMediaType(bytes: Uint8Array, fallback: string): string {
  const ascii = (start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
  if (bytes[0] === 0x89 && ascii(1, 3) === "PNG") return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (ascii(0, 4) === "RIFF") return ascii(8, 4) === "WEBP" ? "image/webp" : "audio/wav";
  if (ascii(0, 3) === "GIF") return "image/gif";
  if (ascii(0, 4) === "fLaC") return "audio/flac";
  if (ascii(0, 4) === "OggS") return "audio/ogg";
  if (ascii(0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return "audio/mpeg";
  return fallback;
}

/** An image Blob from bytes, typed by their signature. */
export function imageBlob(bytes: Uint8Array, fallbackType = "image/png"): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: sniffMediaType(bytes, fallbackType) });
}

/** Bytes as a `data:` URL, the way providers take images and audio inline. */
export function toDataUrl(bytes: Uint8Array, fallbackType: string): string {
  return `data:${sniffMediaType(bytes, fallbackType)};base64,${bytesToBase64(bytes)}`;
}
