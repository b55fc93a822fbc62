import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, isObject, readBase64, requireString, splitOptions } from "@infer/core/task-kit";

/** Options of `documentQuestionAnswering()`: the request options only; the task takes no parameters. */
export type DocumentQuestionAnsweringOptions = RequestOptions;

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
    const { request } = splitOptions(options);
    const encoded = await readBase64(client, image, "image", request);
    const response = await client.post(
      { task: "document-question-answering", json: { question, image: encoded } },
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
