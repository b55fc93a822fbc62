import { defineTask, expectOutput, isLabelScoreList, requireString, splitOptions, type InferenceCore, type RequestOptions } from "@infer/core";

/** Options of `textClassification()`: the request options only; the task takes no parameters. */
export type TextClassificationOptions = RequestOptions;

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
  async (client: InferenceCore, text: string, options?: TextClassificationOptions): Promise<TextClassificationOutput> => {
    requireString(text, "text");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "text-classification", json: { inputs: text } }, request);
    const body = await response.json();
    const labels = Array.isArray(body) && Array.isArray(body[0]) ? (body[0] as unknown) : body;
    expectOutput(isLabelScoreList(labels), "text-classification", "[[{label, score}]]", body);
    return labels as TextClassificationOutput;
  },
);
