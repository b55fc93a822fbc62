import type { InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, requireString, requireStringArray, splitOptions } from "@infer/core/task-kit";

/** Options of `sentenceSimilarity()`: the request options only; the task takes no parameters. */
export type SentenceSimilarityOptions = RequestOptions;

/** One similarity score per sentence of `otherSentences`, in the same order. */
export type SentenceSimilarityOutput = number[];

/**
 * Scores how similar a sentence is to each of other sentences.
 * @example
 * const scores = await sentenceSimilarity(createClient(), "That is a happy person", ["That is a happy dog", "Today is a sunny day"], {
 *   model: "sentence-transformers/paraphrase-xlm-r-multilingual-v1",
 * });
 */
export const sentenceSimilarity = defineTask(
  { taskName: "sentence-similarity", methodName: "sentenceSimilarity" },
  async (
    client: InferenceCore,
    sentence: string,
    otherSentences: string[],
    options?: SentenceSimilarityOptions,
  ): Promise<SentenceSimilarityOutput> => {
    requireString(sentence, "sentence");
    requireStringArray(otherSentences, "otherSentences");
    const { request } = splitOptions(options);
    const json = { inputs: { source_sentence: sentence, sentences: otherSentences } };
    const response = await client.post({ task: "sentence-similarity", json }, request);
    const body = await response.json();
    expectOutput(
      Array.isArray(body) && body.every((score) => typeof score === "number"),
      "sentence-similarity",
      "[number]",
      body,
    );
    return body as SentenceSimilarityOutput;
  },
);
