const byExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  flac: "audio/flac",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  m4a: "audio/mp4",
  webm: "audio/webm",
};

/** A content type for a file name, when its extension is a known image or audio type. */
export function contentTypeForPath(path: string): string | undefined {
  const dot = path.lastIndexOf(".");
  return dot === -1 ? undefined : byExtension[path.slice(dot + 1).toLowerCase()];
}
