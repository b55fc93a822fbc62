import type { IncomingMessage, ServerResponse } from "node:http";

const answer = Buffer.from(
  JSON.stringify([
    { label: "cheetah", score: 0.97 },
    { label: "leopard", score: 0.02 },
  ]),
);

/** Drains an uploaded body (any size) and answers image-classification labels with the byte count received. */
export function answerUpload(request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void): void {
  let received = 0;
  request.on("data", (chunk: Buffer) => {
    received += chunk.byteLength;
    count(chunk.byteLength);
  });
  request.on("end", () => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": String(answer.byteLength),
      "x-received-bytes": String(received),
    });
    response.end(answer);
  });
}
