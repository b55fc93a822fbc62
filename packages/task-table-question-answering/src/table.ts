import { InferenceInputError } from "@infer/core";
import { isObject } from "@infer/core/task-kit";

/** A cell as given; it is sent as a string. */
export type TableQuestionAnsweringCell = string | number | boolean;

/**
 * A table by columns: each column's name maps to its cells, top to bottom; every column has as many cells.
 * @example { Repository: ["Transformers", "Datasets"], Stars: [36542, 4512] }
 */
export type TableQuestionAnsweringTable = Record<string, readonly TableQuestionAnsweringCell[]>;

/** Checks the table (at least one column and one row, equal lengths, plain cells) and turns every cell into a string. */
export function tableToStrings(table: unknown, argument: string): Record<string, string[]> {
  if (!isObject(table))
    throw new InferenceInputError({ argument, message: "expected an object of columns, each an array of cells" });
  const columns = Object.entries(table);
  if (columns.length === 0) throw new InferenceInputError({ argument, message: "expected at least one column" });
  const result: Record<string, string[]> = {};
  let rows: number | undefined;
  for (const [name, cells] of columns) {
    const column = columnArgument(argument, name);
    if (!Array.isArray(cells))
      throw new InferenceInputError({ argument: column, message: "expected an array of cells" });
    rows ??= cells.length;
    if (cells.length !== rows) {
      throw new InferenceInputError({
        argument: column,
        message: `expected ${rows} cells like the first column, got ${cells.length}`,
      });
    }
    result[name] = cells.map((cell: unknown, row) => {
      if (typeof cell === "string") return cell;
      if ((typeof cell === "number" && Number.isFinite(cell)) || typeof cell === "boolean") return String(cell);
      throw new InferenceInputError({
        argument: `${column}[${row}]`,
        message: "expected a string, a finite number or a boolean",
      });
    });
  }
  if (rows === 0) throw new InferenceInputError({ argument, message: "expected at least one row" });
  return result;
}

/** `table.Stars`, or `table["Number of stars"]` when the name is not an identifier. */
function columnArgument(argument: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${argument}.${name}` : `${argument}[${JSON.stringify(name)}]`;
}
