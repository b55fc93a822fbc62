import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, link, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";

/** Refuses, before any request, to overwrite an existing file without `--force`. */
export async function checkWritable(path: string, force: boolean, argument = "-o"): Promise<void> {
  if (force) return;
  try {
    await access(path, constants.F_OK);
  } catch {
    return;
  }
  throw new UsageError(argument, `${path} exists; add --force to overwrite it`);
}

/**
 * Writes bytes to `path` atomically: a temporary file beside it, then a rename (with `force`) or a hard link
 * that fails if the file appeared meanwhile. A failure or an abort leaves the old file as it was and no
 * temporary file behind.
 */
export async function writeFileAtomically(
  path: string,
  bytes: Uint8Array,
  { force, signal }: { force: boolean; signal?: AbortSignal },
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.part`);
  let handle;
  try {
    handle = await open(temporary, "wx");
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    signal?.throwIfAborted();
    if (force) await rename(temporary, path);
    else {
      try {
        await link(temporary, path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new UsageError("-o", `${path} exists; add --force to overwrite it`);
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
        // A file system without hard links: check, then rename (a narrow race, as with any such check).
        await checkWritable(path, false);
        await rename(temporary, path);
      }
      await unlink(temporary).catch(() => {});
    }
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
