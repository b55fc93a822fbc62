import { readFile, stat } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { splitList } from "../run/parse.js";

let stdinTakenBy: string | undefined;

/** The whole of stdin, once per process: a second input asking for `-` is a usage error. */
export async function readStdin(argument: string): Promise<Buffer> {
  if (stdinTakenBy !== undefined)
    throw new UsageError(argument, `stdin is already read for ${stdinTakenBy}; only one input can be -`);
  stdinTakenBy = argument;
  if (process.stdin.isTTY) process.stderr.write(`reading ${argument} from stdin (end with Ctrl-D)\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A text argument; `-` reads stdin (one final newline dropped). */
export async function textInput(value: string, argument: string): Promise<string> {
  if (value !== "-") return value;
  return (await readStdin(argument)).toString("utf8").replace(/\r?\n$/, "");
}

/** Several strings, each possibly a comma list. */
export function listInput(values: string[]): string[] {
  return values.flatMap(splitList);
}

/**
 * A binary argument: an http(s) URL as is (the client downloads it without the token), `-` for stdin's
 * bytes, else a local path, checked here so the message names the argument before any request.
 */
export async function binaryInput(value: string, argument: string): Promise<string | Uint8Array> {
  if (value === "-") return new Uint8Array(await readStdin(argument));
  if (/^https?:\/\//i.test(value)) return value;
  let info;
  try {
    info = await stat(value);
  } catch {
    throw new UsageError(argument, `no such file: ${value}`);
  }
  if (!info.isFile()) throw new UsageError(argument, `not a file: ${value}`);
  return value;
}

/** A table, `{ column: [cells] }`, from a CSV file (first row: column names) or a JSON file; `-` reads stdin. */
export async function tableInput(value: string, argument: string): Promise<Record<string, unknown[]>> {
  let text: string;
  if (value === "-") text = (await readStdin(argument)).toString("utf8");
  else {
    try {
      text = await readFile(value, "utf8");
    } catch {
      throw new UsageError(argument, `no such file: ${value}`);
    }
  }
  const trimmed = text.trimStart();
  if (value.toLowerCase().endsWith(".json") || trimmed.startsWith("{") || trimmed.startsWith("["))
    return jsonTable(text, argument);
  return csvTable(text, argument);
}

function jsonTable(text: string, argument: string): Record<string, unknown[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(argument, `not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) {
    // Rows, [{ column: cell }]: turned into columns, a missing cell as null.
    const columns: Record<string, unknown[]> = {};
    const names = [
      ...new Set(parsed.flatMap((row) => (row !== null && typeof row === "object" ? Object.keys(row as object) : []))),
    ];
    for (const name of names)
      columns[name] = parsed.map((row) => (row as Record<string, unknown> | null)?.[name] ?? null);
    if (names.length === 0) throw new UsageError(argument, "expected rows of {column: cell} objects");
    return columns;
  }
  if (parsed === null || typeof parsed !== "object")
    throw new UsageError(argument, "expected {column: [cells]} or [{column: cell}]");
  return parsed as Record<string, unknown[]>;
}

async function csvTable(text: string, argument: string): Promise<Record<string, unknown[]>> {
  const { parse } = await import("csv-parse/sync");
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new UsageError(argument, `not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header || body.length === 0)
    throw new UsageError(argument, "expected a header row of column names and at least one row");
  const columns: Record<string, string[]> = {};
  for (const [index, name] of header.entries()) columns[name] = body.map((row) => row[index] ?? "");
  return columns;
}
