import { InferenceAbortError } from "./errors/abort-error.js";
import type { InferenceConnectionError } from "./errors/connection-error.js";
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

/** Tells a network failure (refused, reset, dropped) from any other error; platform-specific. */
export type ConnectionFailure = (error: unknown) => InferenceConnectionError | undefined;

export function startCall(
  signals: ReadonlyArray<AbortSignal | undefined>,
  timeout: number | undefined,
  connectionFailure: ConnectionFailure,
): Call {
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
      return connectionFailure(error) ?? error;
    },
  };
  return call;
}

