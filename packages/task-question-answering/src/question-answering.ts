import { defineTask, expectOutput, isObject, requireString, splitOptions, type InferenceCore, type RequestOptions } from "@infer/core";

/** Options of `questionAnswering()`: the request options only; the task takes no parameters. */
export type QuestionAnsweringOptions = RequestOptions;

/** The answer found in the context; fields the server adds beyond these are kept. */
export interface QuestionAnsweringOutput {
  /** The answer, a span of the context. */
  answer: string;
  /** How likely the answer is, from 0 to 1. */
  score: number;
  /** Offset of the answer's first character in the context. */
  start: number;
  /** Offset just past the answer's last character in the context. */
  end: number;
}

/**
 * Answers a question with a span of a given context.
 * @example
 * const { answer } = await questionAnswering(createClient(), "What is the capital of France?", "The capital of France is Paris.", {
 *   model: "deepset/roberta-base-squad2",
 * });
 */
export const questionAnswering = defineTask(
  { taskName: "question-answering", methodName: "questionAnswering" },
  async (client: InferenceCore, question: string, context: string, options?: QuestionAnsweringOptions): Promise<QuestionAnsweringOutput> => {
    requireString(question, "question");
    requireString(context, "context");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "question-answering", json: { question, context } }, request);
    const body = await response.json();
    expectOutput(isAnswer(body), "question-answering", "{answer, score, start, end}", body);
    return body as QuestionAnsweringOutput;
  },
);

function isAnswer(value: unknown): value is QuestionAnsweringOutput {
  return (
    isObject(value) &&
    typeof value["answer"] === "string" &&
    typeof value["score"] === "number" &&
    typeof value["start"] === "number" &&
    typeof value["end"] === "number"
  );
}
