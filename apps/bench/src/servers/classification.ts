import type { IncomingMessage, ServerResponse } from "node:http";

// @infer/testing's entry imports vitest (its task-server harness), which throws outside a test run: load
// its fixtures module, beside the entry, on its own.
const { tapeJson } = (await import(
  new URL("./fixtures.js", import.meta.resolve("@infer/testing")).href
)) as typeof import("@infer/testing");

/** The answer the real serverless API recorded for distilbert-base-uncased-finetuned-sst-2-english. */
export const classificationAnswer = Buffer.from(
  JSON.stringify(tapeJson("distilbert-base-uncased-finetuned-sst-2-english").body),
);

const headers = {
  "content-type": "application/json",
  "content-length": String(classificationAnswer.byteLength),
};

/** Reads the request body to its end and answers the recorded text-classification JSON. */
export function answerClassification(
  request: IncomingMessage,
  response: ServerResponse,
  count: (bytes: number) => void,
): void {
  request.on("data", (chunk: Buffer) => count(chunk.byteLength));
  request.on("end", () => {
    response.writeHead(200, headers);
    response.end(classificationAnswer);
  });
}
