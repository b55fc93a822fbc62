import type { PreparedBinary } from "./binary.js";
import type { Call, ConnectionFailure } from "./call.js";
import type { ResolvedRetry } from "./options.js";
import type { Transport, TransportResponse } from "./transport/transport.js";

export interface SendRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: PreparedBinary | undefined;
  task?: string | undefined;
  /** The model being called, for a loading wait's message. */
  model?: string | undefined;
}

export interface SendContext {
  transport: Transport;
  retry: ResolvedRetry | undefined;
  token: string | undefined;
  /** Where the token came from (`"input-url"` for a download sent without one), for a 401/403's hint. */
  tokenSource: string;
  connectionFailure: ConnectionFailure;
}

export interface Sent {
  response: TransportResponse;
  /** The URL that answered, after any redirects. */
  url: string;
}

/** One attempt: the transport's answer, or the error it rejected with. */
export type Attempt = { sent: Sent; error?: undefined } | { sent?: undefined; error: unknown };

/** Sends one attempt of a request. */
export function attempt(context: SendContext, call: Call, request: SendRequest): Promise<Attempt> {
  const body = request.body;
  return context.transport
    .request({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: body?.open(),
      reopen: body && (() => body.open()),
      signal: call.signal,
    })
    .then(
      (response): Attempt => ({ sent: { response, url: response.url ?? request.url } }),
      (error: unknown): Attempt => ({ error }),
    );
}

/**
 * Sends a request until it succeeds or fails for good: waits out a loading model (bounded only by the
 * call's timeout), retries 429/502/503/504 and reset connections a bounded number of times with jittered
 * backoff. Every wait aborts with the call's signal. The first answer below 400 costs one attempt and
 * nothing else; the failure path (server-error parsing, retries, loading waits) is loaded on the first
 * failure (its own chunk in a browser app bundled with code splitting).
 */
export async function send(context: SendContext, call: Call, request: SendRequest): Promise<Sent> {
  const first = await attempt(context, call, request);
  if (first.sent !== undefined && first.sent.response.status < 400) {
    call.loading = undefined;
    return first.sent;
  }
  if (first.error !== undefined && (call.signal?.aborted || !context.retry)) throw first.error;
  const { recover } = await import("./retry.js");
  return recover(context, call, request, first, attempt);
}
