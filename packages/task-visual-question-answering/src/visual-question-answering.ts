import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, isObject, readBase64, requireString, splitOptions } from "@infer/core/task-kit";

/** Options of `visualQuestionAnswering()`: the request options only; the task takes no parameters. */
export type VisualQuestionAnsweringOptions = RequestOptions;

/** Answers with their scores, best first as the server orders them. */
export type VisualQuestionAnsweringOutput = { answer: string; score: number }[];

/**
 * Answers a question about an image.
 * @example
 * const answers = await visualQuestionAnswering(createClient(), "cheetah.png", "What animal is this?", {
 *   model: "dandelin/vilt-b32-finetuned-vqa",
 * });
 */
export const visualQuestionAnswering = defineTask(
  { taskName: "visual-question-answering", methodName: "visualQuestionAnswering" },
  async (
    client: InferenceCore,
    image: BinaryInput,
    question: string,
    options?: VisualQuestionAnsweringOptions,
  ): Promise<VisualQuestionAnsweringOutput> => {
    requireString(question, "question");
    const { request } = splitOptions(options);
    const encoded = await readBase64(client, image, "image", request);
    const response = await client.post(
      { task: "visual-question-answering", json: { question, image: encoded } },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isAnswerScoreList, "visual-question-answering", "[{answer, score}]");
  },
);

function isAnswerScoreList(value: unknown): value is VisualQuestionAnsweringOutput {
  return (
    Array.isArray(value) &&
    value.every((item) => isObject(item) && typeof item["answer"] === "string" && typeof item["score"] === "number")
  );
}
