import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { SOURCE_EXTENSIONS } from "./transform.js";

const IGNORED_DIRECTORIES = new Set(["node_modules", "dist", "build", "coverage"]);

/** A source file the codemod reads, in the order the paths were given, directories walked in name order. */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new Error(`no such file or directory: ${path}`, { cause: error });
    });
    if (info.isDirectory()) await walk(path, files);
    else if (isSource(path)) files.push(path);
    else throw new Error(`not a JavaScript or TypeScript file: ${path}`);
  }
  return [...new Set(files)];
}

async function walk(directory: string, files: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !IGNORED_DIRECTORIES.has(entry.name)) await walk(path, files);
    } else if (entry.isFile() && isSource(entry.name)) {
      files.push(path);
    }
  }
}

function isSource(path: string): boolean {
  const declaration = [".d.ts", ".d.mts", ".d.cts"].some((extension) => path.endsWith(extension));
  return !declaration && SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}
