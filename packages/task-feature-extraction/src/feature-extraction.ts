import type { InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, requireString, requireStringArray, splitOptions } from "@infer/core/task-kit";

/** Options of `featureExtraction()`: the request options only; the task takes no parameters. */
export type FeatureExtractionOptions = RequestOptions;

/**
 * Numbers nested as the server shapes them: one vector per text for a pooled sentence-embedding model
 * (`number[]`), one vector per token for a plain transformer (`number[][][]`), one more level for a batch.
 */
export type FeatureExtractionOutput = (number | FeatureExtractionOutput)[];

/**
 * Computes the embeddings (features) of a text, or of several texts in one request.
 * @example
 * const vector = await featureExtraction(createClient(), "That is a happy person", {
 *   model: "sentence-transformers/distilbert-base-nli-mean-tokens",
 * });
 */
export const featureExtraction = defineTask(
  { taskName: "feature-extraction", methodName: "featureExtraction" },
  async (
    client: InferenceCore,
    text: string | string[],
    options?: FeatureExtractionOptions,
  ): Promise<FeatureExtractionOutput> => {
    if (Array.isArray(text)) requireStringArray(text, "text");
    else requireString(text, "text");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "feature-extraction", json: { inputs: text } }, request);
    const body = await response.json();
    return expectOutput(body, isNestedNumbers, "feature-extraction", "nested arrays of numbers");
  },
);

/** An array whose items are numbers or such arrays, at any depth (walked without recursion). */
function isNestedNumbers(value: unknown): value is FeatureExtractionOutput {
  if (!Array.isArray(value)) return false;
  const pending: unknown[][] = [value];
  for (let list = pending.pop(); list !== undefined; list = pending.pop()) {
    for (const item of list) {
      if (Array.isArray(item)) pending.push(item);
      else if (typeof item !== "number") return false;
    }
  }
  return true;
}
