import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  encodeParametersAsync,
  expectOutput,
  isObject,
  requireString,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";
import { tableToStrings, type TableQuestionAnsweringTable } from "./table.js";

/** The parameters of `tableQuestionAnswering()`, checked before sending and sent snake_case. */
export interface TableQuestionAnsweringParameters {
  /** How the tokenizer pads the encoded table and query; default: `"do_not_pad"`. */
  padding?: "do_not_pad" | "longest" | "max_length" | undefined;
  /** Run the model sequentially rather than as a batch (slower; conversational models like SQA need it). */
  sequential?: boolean | undefined;
  /** Truncate a table too long for the model (dropping rows); default: `false`. */
  truncation?: boolean | undefined;
}

/** Options of `tableQuestionAnswering()`: the request options and the task's parameters, all optional. */
export type TableQuestionAnsweringOptions = RequestOptions & TableQuestionAnsweringParameters;

const PARAMETERS = {
  padding: { type: "string", oneOf: ["do_not_pad", "longest", "max_length"] },
  sequential: { type: "boolean" },
  truncation: { type: "boolean" },
} satisfies ParameterTable;

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
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const json = { query, table: cells };
    const response = await client.post(
      { task: "table-question-answering", json: wire === undefined ? json : { ...json, parameters: wire } },
      request,
    );
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
