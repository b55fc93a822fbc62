// A CORS-speaking front for a loopback server that speaks none (packages/testing's provider stand-in, which
// Node clients call directly): it answers preflights itself and passes every other request through
// unchanged (method, path, headers, body, a streamed answer chunk by chunk), adding the headers a browser
// needs to read the answer. What the server behind it records is what the page sent.
import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";

export interface CorsFront {
  /** `http://127.0.0.1:{port}`: a URL the page may call instead of the server's. */
  url: string;
  /** The preflights answered (method and requested headers), newest last. */
  preflights: { url: string; method: string; headers: string }[];
  close(): Promise<void>;
}

export async function startCorsFront(target: string): Promise<CorsFront> {
  const { hostname, port, host } = new URL(target);
  const preflights: CorsFront["preflights"] = [];
  const server = createServer((request, response) => {
    response.setHeader("access-control-allow-origin", "*");
    response.setHeader("access-control-expose-headers", "x-request-id, retry-after, content-type, content-length");
    const method = request.headers["access-control-request-method"];
    if (request.method === "OPTIONS" && typeof method === "string") {
      const headers = String(request.headers["access-control-request-headers"] ?? "");
      preflights.push({ url: request.url ?? "/", method, headers });
      response.writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": headers || "content-type, authorization",
        "access-control-max-age": "600",
      });
      return response.end();
    }
    const upstream = forward(
      { hostname, port, method: request.method, path: request.url, headers: { ...request.headers, host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end(`cors front: ${error.message}`);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    preflights,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
