import type { InferenceCore, RequestOptions, Table } from "@infer/core";
import { defineTask, expectOutput, requireModel, requireTable, splitOptions } from "@infer/core/task-kit";

/** Options of `tabularClassification()`: the request options; a model is required. */
export interface TabularClassificationOptions extends RequestOptions {
  /**
   * The model: required here (or on the client), as tabular tasks have no recommended model.
   * @example "vvmnnnkv/wine-quality"
   */
  model?: string | undefined;
}

/** The predicted label of each row, in order. */
export type TabularClassificationOutput = string[];

/**
 * Predicts a label for each row of a table.
 * @example
 * const labels = await tabularClassification(createClient(), { fixed_acidity: ["7.4", "7.8"], alcohol: ["9.4", "9.8"] }, {
 *   model: "vvmnnnkv/wine-quality",
 * });
 */
export const tabularClassification = defineTask(
  { taskName: "tabular-classification", methodName: "tabularClassification" },
  async (
    client: InferenceCore,
    table: Table,
    options?: TabularClassificationOptions,
  ): Promise<TabularClassificationOutput> => {
    requireTable(table);
    const { request } = splitOptions(options);
    const model = requireModel(client, request, "tabular-classification");
    const response = await client.post({ task: "tabular-classification", model, json: { table } }, request);
    const body = await response.json();
    expectOutput(
      Array.isArray(body) &&
        body.every((label) => typeof label === "string" || typeof label === "number" || typeof label === "boolean"),
      "tabular-classification",
      "[label]",
      body,
    );
    // Models with numeric classes answer numbers (wine quality: [5, 5, 7]); labels are strings here.
    return (body as (string | number | boolean)[]).map(String);
  },
);
