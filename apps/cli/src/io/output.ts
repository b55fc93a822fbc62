import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { checkWritable, writeFileAtomically } from "./atomic-file.js";
import { printJson } from "./json.js";

/** Where a binary result goes: `-o FILE`, `-o -` (stdout), or stdout when piped. */
export interface BinaryTarget {
  output?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * Checks before any request that a binary result has somewhere to go: not dumped on a terminal, and no
 * existing file overwritten without `--force`.
 */
export async function checkBinaryTarget({ output, force = false }: BinaryTarget, what: string): Promise<void> {
  if (output === undefined) {
    if (process.stdout.isTTY)
      throw new UsageError("-o", `the result is ${what}; give -o FILE to save it (or pipe stdout to a file)`);
    return;
  }
  if (output !== "-") await checkWritable(output, force);
}

/** Writes a binary result to its target, atomically for a file, and says what was written. */
export async function writeBinary(
  blob: Blob,
  target: BinaryTarget,
  pretty: boolean,
  signal: AbortSignal,
): Promise<void> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (target.output === undefined || target.output === "-") {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
    return;
  }
  await writeFileAtomically(target.output, bytes, { force: target.force === true, signal });
  reportWritten(target.output, blob.type, bytes.byteLength, pretty);
}

function reportWritten(file: string, type: string, size: number, pretty: boolean): void {
  if (pretty) process.stdout.write(`wrote ${file} (${type || "application/octet-stream"}, ${formatBytes(size)})\n`);
  else printJson({ file, type, bytes: size }, false);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** Segments with masks: masks as base64 PNG in the JSON, or written to files in `-o DIR`. */
export async function writeSegments(
  segments: { label: string; score: number | null; mask: Blob }[],
  target: BinaryTarget,
  pretty: boolean,
  signal: AbortSignal,
): Promise<void> {
  const out: Record<string, unknown>[] = [];
  if (target.output !== undefined && target.output !== "-") await mkdir(target.output, { recursive: true });
  for (const [index, { mask, ...segment }] of segments.entries()) {
    const bytes = new Uint8Array(await mask.arrayBuffer());
    if (target.output === undefined || target.output === "-") {
      out.push({ ...segment, mask: Buffer.from(bytes).toString("base64") });
      continue;
    }
    const file = join(target.output, `mask-${index}.png`);
    await writeFileAtomically(file, bytes, { force: target.force === true, signal });
    out.push({ ...segment, mask: file });
  }
  printJson(out, pretty);
}

/** A text result: as is on a terminal, a JSON string when piped or with `--json`. */
export function printText(text: string, pretty: boolean): void {
  process.stdout.write(pretty ? `${text}\n` : `${JSON.stringify(text)}\n`);
}
