/**
 * A loopback server process: `node serve.js classification|streaming|upload`. It listens on 127.0.0.1, port 0,
 * reports its URL to the parent over IPC, answers "usage" messages with its CPU time and counts, and exits
 * on SIGTERM or when the parent goes away.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerClassification } from "./classification.js";
import { answerStream } from "./streaming.js";
import { answerUpload } from "./upload.js";

type Answer = (request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void) => void;

const answers: Record<string, Answer> = {
  classification: answerClassification,
  streaming: answerStream,
  upload: answerUpload,
};

const kind = process.argv[2] ?? "";
const answer = answers[kind];
if (!answer || !process.send) {
  console.error(`usage: a forked child, with one of ${Object.keys(answers).join(", ")}`);
  process.exit(2);
}

let requests = 0;
let bytesReceived = 0;
const count = (bytes: number) => {
  bytesReceived += bytes;
};
const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  requests++;
  answer(request, response, count);
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});

process.on("message", (message) => {
  if (message !== "usage") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicroseconds: user + system, requests, bytesReceived });
});
const stop = () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
