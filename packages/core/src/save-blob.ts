import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InferenceInputError } from "./errors/input-error.js";

/**
 * Writes a Blob (or bytes) to `path` atomically: into a temporary file beside it, then renamed over it.
 * A failure leaves any existing file untouched and no partial file behind.
 */
export async function saveBlob(blob: Blob | Uint8Array, path: string): Promise<void> {
  if (typeof path !== "string" || path === "")
    throw new InferenceInputError({ argument: "path", message: "expected a file path" });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx");
  try {
    try {
      if (blob instanceof Uint8Array) await handle.writeFile(blob);
      else for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
