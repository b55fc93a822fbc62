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

/** The parameters of `documentQuestionAnswering()`, checked before sending and sent snake_case. */
export interface DocumentQuestionAnsweringParameters {
  /** Overlap in tokens between chunks of a document too long for the model (an integer ≥ 0). */
  docStride?: number | undefined;
  /** Accept "no answer" (an empty answer) as an answer. */
  handleImpossibleAnswer?: boolean | undefined;
  /** The language the server's OCR reads the document in, e.g. `"eng"`; default: English. */
  lang?: string | undefined;
  /** The longest answer, in tokens (an integer ≥ 1). */
  maxAnswerLen?: number | undefined;
  /** The longest question, in tokens after tokenization (an integer ≥ 1). */
  maxQuestionLen?: number | undefined;
  /** The longest question and document chunk, in tokens (an integer ≥ 1). */
  maxSeqLen?: number | undefined;
  /** How many answers to return, best first (an integer ≥ 1); fewer when the document has fewer. */
  topK?: number | undefined;
}

/** Options of `documentQuestionAnswering()`: the request options and the task's parameters, all optional. */
export type DocumentQuestionAnsweringOptions = RequestOptions & DocumentQuestionAnsweringParameters;

const PARAMETERS = {
  docStride: { type: "integer", atLeast: 0 },
  handleImpossibleAnswer: { type: "boolean" },
  lang: { type: "string" },
  maxAnswerLen: { type: "integer", atLeast: 1 },
  maxQuestionLen: { type: "integer", atLeast: 1 },
  maxSeqLen: { type: "integer", atLeast: 1 },
  topK: { type: "integer", atLeast: 1 },
} satisfies ParameterTable;

/**
 * Answers, best first as the server orders them. Extractive models (LayoutLM) give `score`, and `start`/`end`
 * (word indexes in the document); generative ones (Donut) give the `answer` only.
 */
export type DocumentQuestionAnsweringOutput = { answer: string; score?: number; start?: number; end?: number }[];

/**
 * Answers a question about a document image (an invoice, a form, a scanned page).
 * @example
 * const answers = await documentQuestionAnswering(createClient(), "invoice.png", "What is the invoice number?", {
 *   model: "impira/layoutlm-document-qa",
 * });
 */
export const documentQuestionAnswering = defineTask(
  { taskName: "document-question-answering", methodName: "documentQuestionAnswering" },
  async (
    client: InferenceCore,
    image: BinaryInput,
    question: string,
    options?: DocumentQuestionAnsweringOptions,
  ): Promise<DocumentQuestionAnsweringOutput> => {
    requireString(question, "question");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const encoded = await readBase64(client, image, "image", request);
    const json = { question, image: encoded };
    const response = await client.post(
      { task: "document-question-answering", json: wire === undefined ? json : { ...json, parameters: wire } },
      request,
    );
    const body = await response.json();
    // A server running a transformers pipeline directly (a custom endpoint, an older server) may answer a
    // single `{answer, …}` instead of a list of one: the caller gets the same list shape either way.
    const answers = isObject(body) ? [body] : body;
    expectOutput(isAnswerList(answers), "document-question-answering", "[{answer, score?, start?, end?}]", body);
    return answers as DocumentQuestionAnsweringOutput;
  },
);

function isAnswerList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) &&
        typeof item["answer"] === "string" &&
        ["score", "start", "end"].every((name) => item[name] === undefined || typeof item[name] === "number"),
    )
  );
}
