import sharp from "sharp";

/** A detected object as the object-detection task answers it. */
export interface Detection {
  label: string;
  score: number;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** The photo as PNG with each detection's box and label drawn on it (sharp, SVG overlay). */
export async function drawDetections(photo: Uint8Array, detections: readonly Detection[]): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const boxes = detections
    .map(
      ({ label, score, box }) =>
        `<rect x="${box.xmin}" y="${box.ymin}" width="${Math.max(0, box.xmax - box.xmin)}" height="${Math.max(0, box.ymax - box.ymin)}" fill="none" stroke="lime" stroke-width="3"/>` +
        `<text x="${box.xmin + 4}" y="${box.ymin + 16}" font-family="DejaVu Sans, sans-serif" font-size="14" fill="lime">${escapeXml(label)} ${score.toFixed(2)}</text>`,
    )
    .join("");
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${boxes}</svg>`,
  );
  return sharp(photo)
    .composite([{ input: overlay }])
    .png()
    .toBuffer();
}

/** A white PNG with `lines` of black printed text (for OCR demos). */
export async function renderText(lines: readonly string[]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${40 + lines.length * 56}"><rect width="100%" height="100%" fill="white"/>${lines
    .map(
      (line, index) =>
        `<text x="40" y="${60 + index * 56}" font-family="DejaVu Sans, sans-serif" font-size="36" fill="black">${escapeXml(line)}</text>`,
    )
    .join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
