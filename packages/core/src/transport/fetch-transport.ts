import { InferenceOutputError } from "../errors/output-error.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface FetchTransportOptions {
  /**
   * `"manual"` lets the client follow redirects itself (and drop the token when the origin changes).
   * Browsers hide a manual redirect's target, so there `"follow"` is used: the Fetch standard drops
   * `Authorization` on a cross-origin redirect.
   * @default "manual"
   */
  redirect?: "manual" | "follow" | undefined;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A transport over a WHATWG `fetch`: browsers, edge runtimes, or any fetch a caller hands in. */
export function createFetchTransport(
  fetchImplementation: FetchLike = (input, init) => globalThis.fetch(input, init),
  { redirect = "manual" }: FetchTransportOptions = {},
): Transport {
  return {
    async request({ url, method, headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const init: RequestInit = { method, headers, redirect };
      if (signal) init.signal = signal;
      if (body !== undefined) init.body = await toFetchBody(body);
      const response = await fetchImplementation(url, init);
      return fromFetchResponse(response);
    },
  };
}

async function toFetchBody(body: NonNullable<TransportRequest["body"]>): Promise<NonNullable<RequestInit["body"]>> {
  if (typeof body === "string" || body instanceof Uint8Array || body instanceof Blob)
    return body as NonNullable<RequestInit["body"]>;
  // Streaming uploads need HTTP/2 in browsers; collect the chunks instead.
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return new Blob(chunks as Uint8Array<ArrayBuffer>[]);
}

function fromFetchResponse(response: Response): TransportResponse {
  const stream = response.body;
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    headers: () => response.headers,
    body: stream ? iterateStream(stream) : emptyIterable(),
    text: () => response.text().catch(decodingFailure),
    bytes: () => response.arrayBuffer().then((buffer) => new Uint8Array(buffer), decodingFailure),
    cancel: () => {
      stream?.cancel().catch(() => {});
    },
  };
}

async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(decodingFailure);
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function* emptyIterable(): AsyncGenerator<Uint8Array> {}

/** fetch decodes the answer itself; a corrupt encoded body fails with a zlib error as the cause. */
function decodingFailure(error: unknown): never {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof code === "string" && /^(Z_|ERR__|ERR_BROTLI)/.test(code)) {
    throw new InferenceOutputError({
      task: "request",
      expected: "a body its Content-Encoding can decode",
      body: undefined,
      cause: error,
    });
  }
  throw error;
}
