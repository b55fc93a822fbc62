import type { Call } from "./call.js";
import { delay } from "./delay.js";
import type { InferenceHTTPError } from "./errors/http-error.js";
import type { ResolvedRetry } from "./options.js";
import type { Attempt, Sent, SendContext, SendRequest } from "./send.js";
import { httpErrorFrom } from "./server-error.js";
import type { TransportResponse } from "./transport/transport.js";

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The failure path of `send()`, from its first failed attempt on: an error status becomes its typed
 * `InferenceHTTPError`; a loading model is waited out, 429/502/503/504 and reset connections retried.
 */
export async function recover(
  context: SendContext,
  call: Call,
  request: SendRequest,
  first: Attempt,
  attempt: (context: SendContext, call: Call, request: SendRequest) => Promise<Attempt>,
): Promise<Sent> {
  const { retry } = context;
  let outcome = first;
  for (let tries = 0; ; ) {
    if (outcome.sent === undefined) {
      const error = outcome.error;
      if (call.signal?.aborted || !retry || tries >= retry.retries || !context.connectionFailure(error)?.retryable)
        throw error;
      tries++;
      await wait(backoff(retry, tries), call, error);
      outcome = await attempt(context, call, request);
      continue;
    }
    const sent = outcome.sent;
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
      outcome = await attempt(context, call, request);
      continue;
    }
    if (!RETRY_STATUSES.has(error.status) || tries >= retry.retries) throw error;
    tries++;
    const delayMs = retryAfter(response) ?? backoff(retry, tries);
    if (delayMs > retry.maxDelay || Date.now() + delayMs > call.deadline) throw error;
    await wait(delayMs, call, error);
    outcome = await attempt(context, call, request);
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
