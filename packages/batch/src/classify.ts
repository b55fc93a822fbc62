import { InferenceAbortError, InferenceConnectionError, InferenceHTTPError, InferenceTimeoutError } from "@infer/core";

/** What a failed attempt means for its row. */
export type Failure =
  /** 429/503: the service is overloaded; everyone waits (the shared backoff), then the row is tried again. */
  | "overloaded"
  /** A dropped connection, a timeout, 502/504: this row is tried again after its own short wait. */
  | "transient"
  /** The run is being stopped: the row is left undone, to be done by the next run. */
  | "aborted"
  /** Anything else (a 4xx, bad input, an unreadable answer): the row's result is this error. */
  | "final";

export function classify(error: unknown, signal: AbortSignal): Failure {
  if (signal.aborted || InferenceAbortError.isInstance(error)) return "aborted";
  if (InferenceHTTPError.isInstance(error)) {
    if (error.status === 429 || error.status === 503) return "overloaded";
    if (error.status === 502 || error.status === 504) return "transient";
    return "final";
  }
  if (InferenceConnectionError.isInstance(error) || InferenceTimeoutError.isInstance(error)) return "transient";
  return "final";
}

/** The `error` of an output row: the class name and the message (core's messages carry no token). */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
