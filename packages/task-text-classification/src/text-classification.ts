import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  isLabelScoreList,
  requireString,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `textClassification()`, checked before sending and sent snake_case. */
export interface TextClassificationParameters {
  /** How many labels to return, best first (an integer ≥ 1); default: the server's. */
  topK?: number | undefined;
  /** The function applied to the model's outputs to get the scores. */
  functionToApply?: "sigmoid" | "softmax" | "none" | undefined;
}

/** Options of `textClassification()`: the request options and the task's parameters, all optional. */
export type TextClassificationOptions = RequestOptions & TextClassificationParameters;

const PARAMETERS = {
  topK: { type: "integer", atLeast: 1 },
  functionToApply: { type: "string", oneOf: ["sigmoid", "softmax", "none"] },
} satisfies ParameterTable;

/** Labels with their scores, best first as the server orders them. */
export type TextClassificationOutput = { label: string; score: number }[];

/**
 * Classifies a text (sentiment, topic, …).
 * @example
 * const labels = await textClassification(createClient(), "I like you. I love you.", {
 *   model: "distilbert-base-uncased-finetuned-sst-2-english",
 * });
 */
export const textClassification = defineTask(
  { taskName: "text-classification", methodName: "textClassification" },
  async (
    client: InferenceCore,
    text: string,
    options?: TextClassificationOptions,
  ): Promise<TextClassificationOutput> => {
    requireString(text, "text");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      { task: "text-classification", json: wire === undefined ? { inputs: text } : { inputs: text, parameters: wire } },
      request,
    );
    const body = await response.json();
    const labels = Array.isArray(body) && Array.isArray(body[0]) ? (body[0] as unknown) : body;
    expectOutput(isLabelScoreList(labels), "text-classification", "[[{label, score}]]", body);
    return labels as TextClassificationOutput;
  },
);
