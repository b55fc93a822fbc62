import type { InferenceCore } from "./client.js";
import { InferenceInputError } from "./errors/input-error.js";
import type { RequestOptions } from "./options.js";
import { isObject, requireString } from "./task-kit.js";

/** A cell of a table: JSON's scalars (`null` for a missing value). */
export type TableCell = string | number | boolean | null;

/** A table by columns, `{ column: [values] }`, every column of the same length. */
export type Table = Record<string, TableCell[]>;

/** Rejects anything but an object of equal-length, non-empty arrays of cells. */
export function requireTable(table: unknown, argument = "table"): asserts table is Table {
  if (!isObject(table))
    throw new InferenceInputError({ argument, message: "expected an object of columns, { column: [values] }" });
  let first: { name: string; rows: number } | undefined;
  for (const [name, values] of Object.entries(table)) {
    if (!Array.isArray(values))
      throw new InferenceInputError({
        argument,
        message: `column ${JSON.stringify(name)}: expected an array of values`,
      });
    if (!values.every(isCell)) {
      throw new InferenceInputError({
        argument,
        message: `column ${JSON.stringify(name)}: expected strings, finite numbers, booleans or null`,
      });
    }
    if (first === undefined) first = { name, rows: values.length };
    else if (values.length !== first.rows) {
      throw new InferenceInputError({
        argument,
        message: `columns must be of equal length: ${JSON.stringify(name)} has ${values.length} values, ${JSON.stringify(first.name)} has ${first.rows}`,
      });
    }
  }
  if (first === undefined) throw new InferenceInputError({ argument, message: "expected at least one column" });
  if (first.rows === 0) throw new InferenceInputError({ argument, message: "expected at least one row" });
}

/** The call's model, else the client's, for tasks with no recommended model (the tabular ones, WIRE.md). */
export function requireModel(client: InferenceCore, request: RequestOptions, task: string): string {
  const model = request.model ?? client.options.model;
  if (model === undefined) {
    throw new InferenceInputError({
      argument: "options.model",
      message: `${task} needs a model: give options.model, or a client with a model`,
    });
  }
  return requireString(model, "options.model");
}

function isCell(value: unknown): boolean {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}
