import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  isObject,
  requireString,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `questionAnswering()`, checked before sending and sent snake_case. */
export interface QuestionAnsweringParameters {
  /** Align the answer to whole words. */
  alignToWords?: boolean | undefined;
  /** Overlap in tokens between chunks of a long context (an integer ≥ 0). */
  docStride?: number | undefined;
  /** Accept "no answer" (an empty answer) as an answer. */
  handleImpossibleAnswer?: boolean | undefined;
  /** The longest answer, in tokens (an integer ≥ 1). */
  maxAnswerLen?: number | undefined;
  /** The longest question, in tokens after tokenization (an integer ≥ 1). */
  maxQuestionLen?: number | undefined;
  /** The longest question and context chunk, in tokens (an integer ≥ 1). */
  maxSeqLen?: number | undefined;
  /** How many answers to return, best first (an integer ≥ 1): set, the call resolves to a list of answers. */
  topK?: number | undefined;
}

/** Options of `questionAnswering()`: the request options and the task's parameters, all optional. */
export type QuestionAnsweringOptions = RequestOptions & QuestionAnsweringParameters;

const PARAMETERS = {
  alignToWords: { type: "boolean" },
  docStride: { type: "integer", atLeast: 0 },
  handleImpossibleAnswer: { type: "boolean" },
  maxAnswerLen: { type: "integer", atLeast: 1 },
  maxQuestionLen: { type: "integer", atLeast: 1 },
  maxSeqLen: { type: "integer", atLeast: 1 },
  topK: { type: "integer", atLeast: 1 },
} satisfies ParameterTable;

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

/** `questionAnswering` as a function of a client: one answer, or a list of answers with `topK`. */
export interface QuestionAnsweringFunction {
  (
    client: InferenceCore,
    question: string,
    context: string,
    options: QuestionAnsweringOptions & { topK: number },
  ): Promise<QuestionAnsweringOutput[]>;
  (
    client: InferenceCore,
    question: string,
    context: string,
    options?: QuestionAnsweringOptions & { topK?: undefined },
  ): Promise<QuestionAnsweringOutput>;
  // Options whose `topK` is only known as `number | undefined` (a variable, a spread).
  (
    client: InferenceCore,
    question: string,
    context: string,
    options?: QuestionAnsweringOptions,
  ): Promise<QuestionAnsweringOutput | QuestionAnsweringOutput[]>;
}

/** `questionAnswering` as a client method: one answer, or a list of answers with `topK`. */
export interface QuestionAnsweringMethod {
  (
    question: string,
    context: string,
    options: QuestionAnsweringOptions & { topK: number },
  ): Promise<QuestionAnsweringOutput[]>;
  (
    question: string,
    context: string,
    options?: QuestionAnsweringOptions & { topK?: undefined },
  ): Promise<QuestionAnsweringOutput>;
  (
    question: string,
    context: string,
    options?: QuestionAnsweringOptions,
  ): Promise<QuestionAnsweringOutput | QuestionAnsweringOutput[]>;
}

/**
 * Answers a question with a span of a given context. With `topK`, resolves to a list of answers, best first
 * (a single answer the server gives is wrapped in a list).
 * @example
 * const { answer } = await questionAnswering(createClient(), "What is the capital of France?", "The capital of France is Paris.", {
 *   model: "deepset/roberta-base-squad2",
 * });
 */
export const questionAnswering = defineTask<"questionAnswering", QuestionAnsweringFunction, QuestionAnsweringMethod>(
  { taskName: "question-answering", methodName: "questionAnswering" },
  (async (
    client: InferenceCore,
    question: string,
    context: string,
    options?: QuestionAnsweringOptions,
  ): Promise<QuestionAnsweringOutput | QuestionAnsweringOutput[]> => {
    requireString(question, "question");
    requireString(context, "context");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      {
        task: "question-answering",
        json: wire === undefined ? { question, context } : { question, context, parameters: wire },
      },
      request,
    );
    const body = await response.json();
    if (wire?.["top_k"] === undefined)
      return expectOutput(body, isAnswer, "question-answering", "{answer, score, start, end}");
    // With `top_k`, a list; a transformers pipeline answers a single object when it found one answer.
    return expectOutput(
      isAnswer(body) ? [body] : body,
      isAnswerList,
      "question-answering",
      "[{answer, score, start, end}]",
    );
  }) as QuestionAnsweringFunction,
);

function isAnswerList(value: unknown): value is QuestionAnsweringOutput[] {
  return Array.isArray(value) && value.every(isAnswer);
}

function isAnswer(value: unknown): value is QuestionAnsweringOutput {
  return (
    isObject(value) &&
    typeof value["answer"] === "string" &&
    typeof value["score"] === "number" &&
    typeof value["start"] === "number" &&
    typeof value["end"] === "number"
  );
}
