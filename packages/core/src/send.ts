import type { PreparedBinary } from "./binary.js";
import type { Call, ConnectionFailure } from "./call.js";
import { delay } from "./delay.js";
import type { InferenceHTTPError } from "./errors/http-error.js";
import type { ResolvedRetry } from "./options.js";
import { httpErrorFrom } from "./server-error.js";
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

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Sends a request until it succeeds or fails for good: waits out a loading model (bounded only by the
 * call's timeout), retries 429/502/503/504 and reset connections a bounded number of times with jittered
 * backoff. Every wait aborts with the call's signal.
 */
export async function send(context: SendContext, call: Call, request: SendRequest): Promise<Sent> {
  const { retry } = context;
  for (let attempt = 0; ; ) {
    let sent: Sent;
    try {
      const body = request.body;
      const response = await context.transport.request({
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: body?.open(),
        reopen: body && (() => body.open()),
        signal: call.signal,
      });
      sent = { response, url: response.url ?? request.url };
    } catch (error) {
      if (call.signal?.aborted || !retry || attempt >= retry.retries || !context.connectionFailure(error)?.retryable)
        throw error;
      attempt++;
      await wait(backoff(retry, attempt), call, error);
      continue;
    }
    const { response } = sent;
    if (response.status < 400) {
      call.loading = undefined;
      return sent;
    }
    // An error body that cannot be read (cut, or corrupt) still gives the status.
    const text = await response.text().catch(() => "");
    const error = httpErrorFrom(response, text, {
      url: sent.url,
      token: context.token,
      tokenSource: context.tokenSource,
      task: request.task,
    });
    if (!retry) throw error;
    const estimatedTime = loadingEstimate(error);
    if (estimatedTime !== undefined) {
      call.loading = `${request.model ?? "the model"} was loading`;
      const estimate = estimatedTime * 1000 * (0.9 + Math.random() * 0.2);
      await wait(Math.min(Math.max(estimate, retry.minDelay), retry.maxDelay), call, error);
      continue;
    }
    if (!RETRY_STATUSES.has(error.status) || attempt >= retry.retries) throw error;
    attempt++;
    const delayMs = retryAfter(response) ?? backoff(retry, attempt);
    if (delayMs > retry.maxDelay || Date.now() + delayMs > call.deadline) throw error;
    await wait(delayMs, call, error);
  }
}

function loadingEstimate(error: InferenceHTTPError): number | undefined {
  if (error.status !== 503) return undefined;
  const body = error.body as { estimated_time?: unknown; error?: unknown } | undefined;
  if (body === undefined || body === null || typeof body !== "object") return undefined;
  if (typeof body.estimated_time === "number" && Number.isFinite(body.estimated_time))
    return Math.max(0, body.estimated_time);
  return typeof body.error === "string" && /currently loading/i.test(body.error) ? 0 : undefined;
}

function retryAfter(response: TransportResponse): number | undefined {
  const milliseconds = response.header("retry-after-ms");
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds);
  const value = response.header("retry-after");
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoff(retry: ResolvedRetry, attempt: number): number {
  const ceiling = Math.min(retry.maxDelay, retry.minDelay * 2 ** (attempt - 1));
  return ceiling * (0.5 + Math.random() * 0.5);
}

/** Waits, but never past the call's deadline: the timeout then fires with the last error as its cause. */
async function wait(ms: number, call: Call, lastError: unknown): Promise<void> {
  const remaining = call.deadline - Date.now();
  try {
    await delay(Math.max(0, Math.min(ms, remaining)), call.signal);
  } catch (reason) {
    throw reason ?? lastError;
  }
  if (Date.now() >= call.deadline && !call.signal?.aborted) {
    // Timer granularity: let the timeout signal fire rather than sending one more request.
    await delay(5, call.signal).catch((reason: unknown) => {
      throw reason ?? lastError;
    });
  }
}
