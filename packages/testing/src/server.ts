import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the loopback server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/models/gpt2`. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => unknown;

export interface TestServer {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1, port 0. The handler sees each request with its whole body
 * already read; every request is recorded. Pass `{ streamBody: true }` to get the raw request instead.
 */
export async function startServer(
  handler: Handler,
  { readBody = true }: { readBody?: boolean } = {},
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming: IncomingMessage, response: ServerResponse) => {
    try {
      const body = readBody ? await readAll(incoming) : Buffer.alloc(0);
      const request: RecordedRequest = {
        method: incoming.method ?? "GET",
        url: incoming.url ?? "/",
        headers: incoming.headers,
        body,
        json: () => JSON.parse(body.toString("utf8")) as unknown,
      };
      requests.push(request);
      await handler(request, response);
    } catch (error) {
      if (!response.headersSent) {
        response.statusCode = 599;
        response.end(String(error));
      } else {
        response.destroy();
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Answers JSON with a status (default 200) and extra headers. */
export function sendJson(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Answers bytes with a content type. */
export function sendBytes(response: ServerResponse, bytes: Uint8Array, contentType: string, status = 200): void {
  response.writeHead(status, { "content-type": contentType, "content-length": bytes.byteLength });
  response.end(bytes);
}

/** Answers Server-Sent Events, one `data:` line per payload (objects are JSON-encoded). */
export function sendEvents(
  response: ServerResponse,
  payloads: unknown[],
  { done = false }: { done?: boolean } = {},
): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const payload of payloads)
    response.write(`data:${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`);
  if (done) response.write("data: [DONE]\n\n");
  response.end();
}
