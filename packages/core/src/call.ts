import { InferenceAbortError } from "./errors/abort-error.js";
import { InferenceConnectionError } from "./errors/connection-error.js";
import { InferenceError } from "./errors/inference-error.js";
import { InferenceInputError } from "./errors/input-error.js";
import { InferenceTimeoutError } from "./errors/timeout-error.js";

/** One call's cancellation: the client's signal, the call's signal and its timeout, as one signal. */
export interface Call {
  readonly signal: AbortSignal | undefined;
  /** When the timeout expires, in `Date.now()` milliseconds; Infinity without one. */
  readonly deadline: number;
  /** Set while waiting for a loading model, for the timeout's message. */
  loading: string | undefined;
  /** Maps any failure of this call to a typed @infer error. */
  mapError(error: unknown): unknown;
}

export function startCall(signals: ReadonlyArray<AbortSignal | undefined>, timeout: number | undefined): Call {
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 0)) {
    throw new InferenceInputError({ argument: "timeout", message: `expected milliseconds (a number ≥ 0), got ${String(timeout)}` });
  }
  const timeoutSignal = timeout === undefined ? undefined : AbortSignal.timeout(timeout);
  const callerSignals = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const all = timeoutSignal ? [...callerSignals, timeoutSignal] : callerSignals;
  const signal = all.length === 0 ? undefined : all.length === 1 ? all[0] : AbortSignal.any(all);
  const call: Call = {
    signal,
    deadline: timeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeout,
    loading: undefined,
    mapError(error) {
      const aborted = callerSignals.find((candidate) => candidate.aborted);
      if (aborted) return InferenceAbortError.isInstance(error) ? error : new InferenceAbortError({ cause: aborted.reason });
      if (timeoutSignal?.aborted) {
        if (InferenceTimeoutError.isInstance(error)) return error;
        const reason = call.loading ? ` while ${call.loading}` : "";
        return new InferenceTimeoutError({ message: `The call timed out after ${timeout} ms${reason}`, cause: error });
      }
      if (InferenceError.isInstance(error)) return error;
      if (isConnectionFailure(error)) {
        return new InferenceConnectionError({ message: `Connection failed: ${describe(error)}`, cause: error });
      }
      return error;
    },
  };
  return call;
}

const CONNECTION_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Network-level failures: refused, reset or dropped connections (Node codes, or fetch's TypeError). */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (current instanceof TypeError && /fetch|network/i.test(current.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Failures worth another attempt: a connection that was reset or dropped, not one that was refused. */
export function isRetryableConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET" || code === "UND_ERR_CLOSED") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message;
}
