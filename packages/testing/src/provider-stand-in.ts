import type { ServerResponse } from "node:http";
import { sendJson, startServer, type RecordedRequest, type TestServer } from "./server.js";

/** A mapping entry the Hub stand-in answers for a model. */
export interface StandInMappingEntry {
  status?: "live" | "staging" | "error";
  providerId: string;
  task: string;
}

type RouteHandler = (request: RecordedRequest, response: ServerResponse) => unknown;

/**
 * The Hub, the router and a provider's own API on one loopback server, and a CDN on another (a different
 * origin, as result files are in real life):
 * - `GET /api/models/{id}?expand[]=inferenceProviderMapping` answers what `mapping()` set for the model;
 * - `/{provider}/…` (the router) and `/direct/…` (a provider's own base, reached by `directFetch`) answer what
 *   `on(path)` set, `path` being the route without the prefix;
 * - the CDN serves `cdn.serve(path, bytes, type)` under `cdn.url`.
 */
export interface ProviderStandIn {
  server: TestServer;
  cdn: TestServer;
  /** `http://127.0.0.1:{port}` of the router and Hub. */
  url: string;
  mapping(model: string, entries: Record<string, StandInMappingEntry> | "fail"): void;
  /** Sets the answer of a route (under `/{provider}` and `/direct`); the handler sees the request. */
  on(path: string, handler: RouteHandler): void;
  /** Serves bytes on the CDN; returns their URL. */
  serve(path: string, bytes: Uint8Array, contentType: string): string;
  /** The requests the Hub stand-in received for a model's mapping. */
  mappingRequests(model: string): RecordedRequest[];
  /** The last request whose path starts with `prefix`. */
  last(prefix: string): RecordedRequest | undefined;
  /**
   * A `fetch` that sends requests for `baseUrl` (a provider's real API), and for any of `otherBases` (its other
   * hosts, such as fal's queue), to this server's `/direct`, recording each URL asked for in `directUrls`.
   */
  directFetch(baseUrl: string, ...otherBases: string[]): typeof fetch;
  /** Every URL a `directFetch` was asked for, before it was sent to `/direct`. */
  directUrls: string[];
  close(): Promise<void>;
}

export async function startProviderStandIn(): Promise<ProviderStandIn> {
  const mappings = new Map<string, Record<string, StandInMappingEntry> | "fail">();
  const routes = new Map<string, RouteHandler>();
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const directUrls: string[] = [];
  const cdn = await startServer((request, response) => {
    const file = files.get(request.url);
    if (!file) return sendJson(response, { error: "not found" }, 404);
    response.writeHead(200, { "content-type": file.contentType, "content-length": file.bytes.byteLength });
    response.end(file.bytes);
  });
  const server = await startServer((request, response) => {
    const hub = /^\/api\/models\/(.+?)\?expand\[\]=inferenceProviderMapping$/.exec(request.url);
    if (hub) {
      const entries = mappings.get(hub[1] as string);
      if (entries === undefined) return sendJson(response, { error: "Repository not found" }, 404);
      if (entries === "fail") return sendJson(response, { error: "Hub is down" }, 500);
      const mapping = Object.fromEntries(
        Object.entries(entries).map(([name, entry]) => [name, { status: "live", ...entry }]),
      );
      return sendJson(response, { _id: "0", id: hub[1], inferenceProviderMapping: mapping });
    }
    const path = request.url.replace(/^\/(direct|[a-z0-9-]+)(?=\/)/, "");
    const handler = routes.get(path.split("?")[0] as string) ?? routes.get(request.url.split("?")[0] as string);
    if (!handler) return sendJson(response, { error: `no route for ${request.url}` }, 404);
    return handler(request, response);
  });
  return {
    server,
    cdn,
    url: server.url,
    mapping: (model, entries) => void mappings.set(model, entries),
    on: (path, handler) => void routes.set(path, handler),
    serve(path, bytes, contentType) {
      files.set(path, { bytes, contentType });
      return cdn.url + path;
    },
    mappingRequests: (model) => server.requests.filter((request) => request.url.startsWith(`/api/models/${model}?`)),
    last: (prefix) => [...server.requests].reverse().find((request) => request.url.startsWith(prefix)),
    directUrls,
    directFetch: (...bases) =>
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        const base = bases.find((candidate) => url.startsWith(candidate));
        if (base === undefined) return fetch(url, init);
        directUrls.push(url);
        return fetch(`${server.url}/direct${url.slice(base.length)}`, init);
      }) as typeof fetch,
    close: async () => {
      await server.close();
      await cdn.close();
    },
  };
}

/**
 * Answers Server-Sent Events one byte at a time (multi-byte characters and CRLF line ends split across
 * writes), with `data: [DONE]` last when `done`, so a reader must piece events together whatever the chunking.
 */
export async function sendEventsBytewise(
  response: ServerResponse,
  payloads: unknown[],
  { done = false }: { done?: boolean } = {},
): Promise<void> {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const events = payloads.map(
    (payload) => `data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\r\n\r\n`,
  );
  if (done) events.push("data: [DONE]\r\n\r\n");
  const bytes = Buffer.from(events.join(""), "utf8");
  for (let index = 0; index < bytes.length; index++) {
    response.write(bytes.subarray(index, index + 1));
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.end();
}
