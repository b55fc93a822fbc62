import { InferenceInputError } from "@infer/core";
import { parse } from "csv-parse";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";

/** One input row: `{"id", "inputs", "parameters"?}`. */
export interface BatchRow {
  /** Unique within the input; it names the row in the output and in the checkpoint. */
  id: string | number;
  /** The task's primary input (for a task with two primary inputs, an array of both). */
  inputs: unknown;
  /** The task's options for this row (camelCase, as the task function takes them). */
  parameters?: Record<string, unknown> | undefined;
}

/** How an input file is read. */
export interface InputFormat {
  /**
   * `"jsonl"` (one JSON object a line) or `"csv"` (a header line naming the columns).
   * @default from the file's extension: ".csv" is CSV, anything else JSONL
   */
  format?: "jsonl" | "csv" | undefined;
  /**
   * The field (JSONL) or column (CSV) holding the row's id.
   * @default "id"
   */
  idField?: string | undefined;
  /**
   * The field (JSONL) or column (CSV) holding the row's input.
   * @default "inputs"
   */
  inputField?: string | undefined;
}

/** A row with the line it came from (1-based; CSV's header is line 1). */
export interface NumberedRow {
  row: BatchRow;
  line: number;
}

/** A stable key for an id: `1` and `"1"` are different rows. */
export function rowKey(id: unknown): string {
  return JSON.stringify(id);
}

/** Reads the rows of a JSONL or CSV file, one at a time; a malformed row is an `InferenceInputError`. */
export async function* readRows(path: string, options: InputFormat = {}): AsyncGenerator<NumberedRow> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InferenceInputError({
      argument: "input",
      message: `cannot read ${path}: ${(error as Error).message}`,
      cause: error,
    });
  });
  if (!info.isFile()) throw new InferenceInputError({ argument: "input", message: `${path} is not a file` });
  const format = options.format ?? (path.toLowerCase().endsWith(".csv") ? "csv" : "jsonl");
  const idField = options.idField ?? "id";
  const inputField = options.inputField ?? "inputs";
  if (format === "csv") yield* readCsv(path, idField, inputField);
  else yield* readJsonl(path, idField, inputField);
}

async function* readJsonl(path: string, idField: string, inputField: string): AsyncGenerator<NumberedRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InferenceInputError({
        argument: "input",
        message: `line ${line} of ${path} is not JSON`,
        cause: error,
      });
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new InferenceInputError({ argument: "input", message: `line ${line} of ${path} is not a JSON object` });
    }
    const record = value as Record<string, unknown>;
    const row: BatchRow = { id: checkId(record[idField], idField, line, path), inputs: record[inputField] };
    if (!(inputField in record))
      throw new InferenceInputError({ argument: "input", message: `line ${line} of ${path} has no "${inputField}"` });
    const parameters = record.parameters;
    if (parameters !== undefined) {
      if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters)) {
        throw new InferenceInputError({
          argument: "input",
          message: `line ${line} of ${path}: "parameters" is not an object`,
        });
      }
      row.parameters = parameters as Record<string, unknown>;
    }
    yield { row, line };
  }
}

async function* readCsv(path: string, idField: string, inputField: string): AsyncGenerator<NumberedRow> {
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, info: true }));
  let checked = false;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (!checked) {
      for (const column of [idField, inputField]) {
        if (!(column in record))
          throw new InferenceInputError({ argument: "input", message: `${path} has no column "${column}"` });
      }
      checked = true;
    }
    yield {
      row: { id: checkId(record[idField], idField, info.lines, path), inputs: record[inputField] },
      line: info.lines,
    };
  }
}

function checkId(id: unknown, idField: string, line: number, path: string): string | number {
  if ((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id))) return id;
  throw new InferenceInputError({
    argument: "input",
    message: `line ${line} of ${path} has no "${idField}" (a non-empty string or a number)`,
  });
}

/**
 * Reads the whole input once before any request: every row well formed, every id unique. Resolves to the
 * number of rows, so a progress bar can show an ETA.
 */
export async function checkRows(path: string, options: InputFormat = {}): Promise<number> {
  const seen = new Map<string, number>();
  for await (const { row, line } of readRows(path, options)) {
    const key = rowKey(row.id);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InferenceInputError({
        argument: "input",
        message: `id ${key} appears twice in ${path} (lines ${first} and ${line}); ids must be unique`,
      });
    }
    seen.set(key, line);
  }
  return seen.size;
}
