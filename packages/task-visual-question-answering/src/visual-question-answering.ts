import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  encodeParametersAsync,
  expectOutput,
  isObject,
  readBase64,
  requireString,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `visualQuestionAnswering()`, checked before sending and sent snake_case. */
export interface VisualQuestionAnsweringParameters {
  /** How many answers to return, best first (an integer ≥ 1); fewer when the model has fewer. */
  topK?: number | undefined;
}

/** Options of `visualQuestionAnswering()`: the request options and the task's parameters, all optional. */
export type VisualQuestionAnsweringOptions = RequestOptions & VisualQuestionAnsweringParameters;

const PARAMETERS = {
  topK: { type: "integer", atLeast: 1 },
} satisfies ParameterTable;

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
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const encoded = await readBase64(client, image, "image", request);
    const json = { question, image: encoded };
    const response = await client.post(
      { task: "visual-question-answering", json: wire === undefined ? json : { ...json, parameters: wire } },
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
