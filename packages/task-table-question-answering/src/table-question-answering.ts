import type { InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, isObject, requireString, splitOptions } from "@infer/core/task-kit";
import { tableToStrings, type TableQuestionAnsweringTable } from "./table.js";

/** Options of `tableQuestionAnswering()`: the request options only; the task takes no parameters. */
export type TableQuestionAnsweringOptions = RequestOptions;

/** The answer read from the table; fields the server adds beyond these are kept. */
export interface TableQuestionAnsweringOutput {
  /** The answer, e.g. `"AVERAGE > 36542"`. */
  answer: string;
  /** `[row, column]` of each cell the answer was read from. */
  coordinates: [number, number][];
  /** The text of those cells. */
  cells: string[];
  /** The aggregation applied to the cells: `"NONE"`, `"SUM"`, `"AVERAGE"`, `"COUNT"`, … */
  aggregator: string;
}

/**
 * Answers a question about a table.
 * @example
 * const { answer } = await tableQuestionAnswering(
 *   createClient(),
 *   { Repository: ["Transformers", "Datasets"], Stars: ["36542", "4512"] },
 *   "How many stars does the transformers repository have?",
 *   { model: "google/tapas-base-finetuned-wtq" },
 * );
 */
export const tableQuestionAnswering = defineTask(
  { taskName: "table-question-answering", methodName: "tableQuestionAnswering" },
  async (
    client: InferenceCore,
    table: TableQuestionAnsweringTable,
    query: string,
    options?: TableQuestionAnsweringOptions,
  ): Promise<TableQuestionAnsweringOutput> => {
    const cells = tableToStrings(table, "table");
    requireString(query, "query");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "table-question-answering", json: { query, table: cells } }, request);
    const body = await response.json();
    return expectOutput(body, isAnswer, "table-question-answering", "{answer, coordinates, cells, aggregator}");
  },
);

function isAnswer(value: unknown): value is TableQuestionAnsweringOutput {
  return (
    isObject(value) &&
    typeof value["answer"] === "string" &&
    typeof value["aggregator"] === "string" &&
    Array.isArray(value["cells"]) &&
    Array.isArray(value["coordinates"])
  );
}
