import type { ServerResponse } from "node:http";
import { sendEventsBytewise } from "./provider-stand-in.js";
import { sendBytes, sendEvents, sendJson, type Handler, type RecordedRequest } from "./server.js";

/**
 * What a loopback server answers one request with:
 * - `{ json }`: JSON, status 200 unless given, with extra headers;
 * - `{ bytes, contentType }`: a binary body (an image, audio);
 * - `{ events }`: Server-Sent Events, one `data:` line per payload (objects JSON-encoded), `data: [DONE]` last
 *   when `done`; `bytewise` sends them one byte per write with CRLF line ends, so a reader must piece events
 *   together whatever the chunking;
 * - `{ text, contentType }`: a text body as given (a recorded event stream, say), at once or `bytewise`;
 * - a handler of its own, for anything else (a stream that never ends, a status that depends on the request).
 */
export type Answer =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { bytes: Uint8Array; contentType: string; status?: number }
  | { events: unknown[]; done?: boolean; bytewise?: boolean }
  | { text: string; contentType: string; status?: number; bytewise?: boolean }
  | Handler;

/** Answers `request` with `answer`. */
export async function sendAnswer(answer: Answer, request: RecordedRequest, response: ServerResponse): Promise<void> {
  if (typeof answer === "function") return void (await answer(request, response));
  if ("bytes" in answer) return sendBytes(response, answer.bytes, answer.contentType, answer.status);
  if ("events" in answer) {
    const options = { done: answer.done ?? false };
    return answer.bytewise
      ? sendEventsBytewise(response, answer.events, options)
      : sendEvents(response, answer.events, options);
  }
  if ("text" in answer) {
    response.writeHead(answer.status ?? 200, { "content-type": answer.contentType, "cache-control": "no-cache" });
    if (!answer.bytewise) return void response.end(answer.text);
    const bytes = Buffer.from(answer.text, "utf8");
    for (let index = 0; index < bytes.length; index++) {
      response.write(bytes.subarray(index, index + 1));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return void response.end();
  }
  return sendJson(response, answer.json, answer.status, answer.headers);
}
