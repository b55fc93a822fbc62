import type { IncomingMessage, ServerResponse } from "node:http";
import { tapeJson } from "@infer/testing";

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
