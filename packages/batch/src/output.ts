import { InferenceInputError } from "@infer/core";
import { closeSync, fstatSync, fsyncSync, openSync, readSync, ftruncateSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { rowKey } from "./rows.js";

/** One output row: `{"id", "output"}` or `{"id", "error": {"name", "message"}}`. */
export type BatchResult =
  | { id: string | number; output: unknown }
  | { id: string | number; error: { name: string; message: string } };

/** What an output file held when it was opened again. */
export interface Recovered {
  /** The keys (`rowKey(id)`) of every row already in the file. */
  done: Set<string>;
  /** How many of them are error rows. */
  failed: number;
  /** Bytes of a torn last line that were cut off (a run killed in the middle of a write). */
  truncatedBytes: number;
}

/**
 * An append-only JSONL output that is its own checkpoint: a row is done exactly when its line is in the
 * file. Lines are written whole, in one `write` each batch, and the file is fsync'd at every checkpoint, so
 * after a crash at any moment the file holds complete lines and, at worst, one torn last line, which
 * `open()` cuts off. Rows written but lost with an un-synced page cache (a power cut) are simply done again.
 */
export class ResultWriter {
  readonly path: string;
  private fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private unsynced = false;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Opens (or creates) the output, cuts a torn last line, and reads which rows are done. */
  static open(path: string): { writer: ResultWriter; recovered: Recovered } {
    const fd = openSync(path, "a+");
    try {
      const recovered = recover(fd, path);
      return { writer: new ResultWriter(path, fd), recovered };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Queues a row; it reaches the file at the next `flush()`. */
  add(result: BatchResult): void {
    const line = `${JSON.stringify(result)}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes > 1 << 16) this.flush();
  }

  /** Writes the queued rows (whole lines, appended). */
  flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingBytes = 0;
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset);
    this.unsynced = true;
  }

  /** Flushes and fsyncs: a checkpoint. */
  checkpoint(): void {
    this.flush();
    if (this.unsynced) fsyncSync(this.fd);
    this.unsynced = false;
  }

  close(): void {
    this.checkpoint();
    closeSync(this.fd);
  }
}

function recover(fd: number, path: string): Recovered {
  const size = fstatSync(fd).size;
  const done = new Set<string>();
  let failed = 0;
  const buffer = Buffer.alloc(1 << 20);
  let position = 0;
  let carry = "";
  let lineNumber = 0;
  let endOfLastLine = 0;
  const decoder = new StringDecoder("utf8");
  while (position < size) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    position += read;
    const text = carry + decoder.write(buffer.subarray(0, read));
    const lines = text.split("\n");
    carry = lines.pop() ?? "";
    for (const line of lines) {
      lineNumber += 1;
      endOfLastLine += Buffer.byteLength(line, "utf8") + 1;
      if (line === "") continue;
      let value: { id?: unknown; error?: unknown };
      try {
        value = JSON.parse(line) as typeof value;
      } catch (error) {
        throw new InferenceInputError({
          argument: "output",
          message: `line ${lineNumber} of ${path} is not JSON: it was not written by a batch run; move it away or choose another output`,
          cause: error,
        });
      }
      const key = rowKey(value.id);
      if (done.has(key))
        throw new InferenceInputError({ argument: "output", message: `id ${key} appears twice in ${path}` });
      done.add(key);
      if (value.error !== undefined) failed += 1;
    }
  }
  const truncatedBytes = size - endOfLastLine;
  if (truncatedBytes > 0) {
    ftruncateSync(fd, endOfLastLine);
    fsyncSync(fd);
  }
  return { done, failed, truncatedBytes };
}
