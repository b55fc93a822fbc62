import type { InferenceCore, RequestOptions, Table } from "@infer/core";
import { defineTask, expectOutput, requireModel, requireTable, splitOptions } from "@infer/core/task-kit";

/** Options of `tabularRegression()`: the request options; a model is required. */
export interface TabularRegressionOptions extends RequestOptions {
  /**
   * The model: required here (or on the client), as tabular tasks have no recommended model.
   * @example "scikit-learn/Fish-Weight"
   */
  model?: string | undefined;
}

/** The predicted value of each row, in order. */
export type TabularRegressionOutput = number[];

/**
 * Predicts a number for each row of a table.
 * @example
 * const weights = await tabularRegression(createClient(), { Species: ["Bream"], Length1: ["23.2"], Height: ["11.52"] }, {
 *   model: "scikit-learn/Fish-Weight",
 * });
 */
export const tabularRegression = defineTask(
  { taskName: "tabular-regression", methodName: "tabularRegression" },
  async (client: InferenceCore, table: Table, options?: TabularRegressionOptions): Promise<TabularRegressionOutput> => {
    requireTable(table);
    const { request } = splitOptions(options);
    const model = requireModel(client, request, "tabular-regression");
    const response = await client.post({ task: "tabular-regression", model, json: { table } }, request);
    const body = await response.json();
    expectOutput(
      Array.isArray(body) && body.every((value) => typeof value === "number"),
      "tabular-regression",
      "[number]",
      body,
    );
    return body as TabularRegressionOutput;
  },
);
