import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  requireString,
  requireStringArray,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `featureExtraction()`, checked before sending and sent snake_case. */
export interface FeatureExtractionParameters {
  /** Whether to scale each embedding to unit length; default: the server's. */
  normalize?: boolean | undefined;
  /** The name of a prompt in the model's configuration (e.g. `"query"`), put before each text. */
  promptName?: string | undefined;
  /** Whether to cut a text longer than the model takes (else the server may reject it). */
  truncate?: boolean | undefined;
  /** Which end of a text is cut when truncating: `"Left"` or `"Right"`. */
  truncationDirection?: "Left" | "Right" | undefined;
}

/** Options of `featureExtraction()`: the request options and the task's parameters, all optional. */
export type FeatureExtractionOptions = RequestOptions & FeatureExtractionParameters;

const PARAMETERS = {
  normalize: { type: "boolean" },
  promptName: { type: "string" },
  truncate: { type: "boolean" },
  truncationDirection: { type: "string", oneOf: ["Left", "Right"] },
} satisfies ParameterTable;

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
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      { task: "feature-extraction", json: wire === undefined ? { inputs: text } : { inputs: text, parameters: wire } },
      request,
    );
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
