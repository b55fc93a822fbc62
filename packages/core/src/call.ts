import { InferenceAbortError } from "./errors/abort-error.js";
import type { InferenceConnectionError } from "./errors/connection-error.js";
import { InferenceError } from "./errors/inference-error.js";
import { InferenceInputError } from "./errors/input-error.js";
import { InferenceTimeoutError } from "./errors/timeout-error.js";

/** Tells a network failure (refused, reset, dropped) from any other error; platform-specific. */
export type ConnectionFailure = (error: unknown) => InferenceConnectionError | undefined;

const TIMED_OUT = Symbol("timed out");

/**
 * One call's cancellation: the client's signal, the call's signal and its timeout, as one signal. Cheap on
 * the hot path: no signal at all without a timeout or caller signals, the caller's own signal when it is
 * the only one, else one controller and one timer, released by `finish()`.
 */
export class Call {
  readonly signal: AbortSignal | undefined;
  /** When the timeout expires, in `Date.now()` milliseconds; Infinity without one. */
  readonly deadline: number;
  /** Set while waiting for a loading model, for the timeout's message. */
  loading: string | undefined;
  private readonly timeout: number | undefined;
  private readonly connectionFailure: ConnectionFailure;
  private readonly callerSignals: AbortSignal[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onAbort: (() => void) | undefined;

  constructor(
    first: AbortSignal | undefined,
    second: AbortSignal | undefined,
    third: AbortSignal | undefined,
    timeout: number | undefined,
    connectionFailure: ConnectionFailure,
  ) {
    if (timeout !== undefined && !(typeof timeout === "number" && timeout >= 0 && Number.isFinite(timeout))) {
      throw new InferenceInputError({ argument: "timeout", message: `expected milliseconds (a number ≥ 0), got ${String(timeout)}` });
    }
    this.timeout = timeout;
    this.connectionFailure = connectionFailure;
    this.deadline = timeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeout;
    if (first) this.callerSignals.push(first);
    if (second && second !== first) this.callerSignals.push(second);
    if (third && third !== first && third !== second) this.callerSignals.push(third);
    const signals = this.callerSignals;
    if (timeout === undefined && signals.length <= 1) {
      this.signal = signals[0];
      return;
    }
    const controller = new AbortController();
    this.signal = controller.signal;
    const aborted = signals.find((signal) => signal.aborted);
    if (aborted) {
      controller.abort(aborted.reason);
      return;
    }
    if (signals.length > 0) {
      const onAbort = (): void => {
        controller.abort(signals.find((signal) => signal.aborted)?.reason);
        this.finish();
      };
      this.onAbort = onAbort;
      for (const signal of signals) signal.addEventListener("abort", onAbort, { once: true });
    }
    if (timeout !== undefined) {
      this.timer = setTimeout(() => {
        controller.abort(TIMED_OUT);
        this.finish();
      }, timeout);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  /** Releases the timer and listeners once the call is over (its body read, or its failure thrown). */
  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const onAbort = this.onAbort;
    if (onAbort) {
      this.onAbort = undefined;
      for (const signal of this.callerSignals) signal.removeEventListener("abort", onAbort);
    }
  }

  /** Maps any failure of this call to a typed @infer error. */
  mapError(error: unknown): unknown {
    const aborted = this.callerSignals.find((candidate) => candidate.aborted);
    if (aborted) return InferenceAbortError.isInstance(error) ? error : new InferenceAbortError({ cause: aborted.reason });
    if (this.signal?.aborted && this.signal.reason === TIMED_OUT) {
      if (InferenceTimeoutError.isInstance(error)) return error;
      const reason = this.loading ? ` while ${this.loading}` : "";
      return new InferenceTimeoutError({
        message: `The call timed out after ${this.timeout} ms${reason}`,
        cause: error === TIMED_OUT ? undefined : error,
      });
    }
    if (InferenceError.isInstance(error)) return error;
    return this.connectionFailure(error) ?? error;
  }

  /** Runs a body read: failures mapped, the call finished either way. */
  async settle<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw this.mapError(error);
    } finally {
      this.finish();
    }
  }
}
