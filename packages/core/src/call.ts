import { InferenceAbortError } from "./errors/abort-error.js";
import type { InferenceConnectionError } from "./errors/connection-error.js";
import { InferenceError } from "./errors/inference-error.js";
import { InferenceInputError } from "./errors/input-error.js";
import { InferenceTimeoutError } from "./errors/timeout-error.js";
import { onAbort } from "./signals.js";

/** Tells a network failure (refused, reset, dropped) from any other error; platform-specific. */
export type ConnectionFailure = (error: unknown) => InferenceConnectionError | undefined;

const TIMED_OUT = Symbol("timed out");

/**
 * One call's cancellation: the client's signal, the call's signal and its timeout, as one signal. Cheap on
 * the hot path: no signal at all without a timeout or caller signals, else one controller and one timer,
 * released by `finish()`. Caller signals are listened to through `onAbort()`, one listener per signal
 * however many calls share it, and undici only ever sees this call's own signal.
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
  private controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void)[] | undefined;
  private finished = false;
  /** Streaming: the stream is cut only after `timeout` ms without a byte while its reader waits. */
  private streaming = false;
  private waitingSince: number | undefined;

  constructor(
    first: AbortSignal | undefined,
    second: AbortSignal | undefined,
    third: AbortSignal | undefined,
    timeout: number | undefined,
    connectionFailure: ConnectionFailure,
  ) {
    if (timeout !== undefined && !(typeof timeout === "number" && timeout >= 0 && Number.isFinite(timeout))) {
      throw new InferenceInputError({
        argument: "timeout",
        message: `expected milliseconds (a number ≥ 0), got ${String(timeout)}`,
      });
    }
    this.timeout = timeout;
    this.connectionFailure = connectionFailure;
    this.deadline = timeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeout;
    if (first) this.callerSignals.push(first);
    if (second && second !== first) this.callerSignals.push(second);
    if (third && third !== first && third !== second) this.callerSignals.push(third);
    const signals = this.callerSignals;
    if (timeout === undefined && signals.length === 0) {
      this.signal = undefined;
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.signal = controller.signal;
    const aborted = signals.find((signal) => signal.aborted);
    if (aborted) {
      controller.abort(aborted.reason);
      return;
    }
    if (signals.length > 0) {
      const abort = (): void => {
        controller.abort(signals.find((signal) => signal.aborted)?.reason);
        this.finish();
      };
      this.unsubscribe = signals.map((signal) => onAbort(signal, abort));
    }
    if (timeout !== undefined) this.schedule(timeout);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.expire(), ms);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private expire(): void {
    this.timer = undefined;
    if (this.finished) return;
    if (this.streaming) {
      const waited = this.waitingSince === undefined ? 0 : Date.now() - this.waitingSince;
      const timeout = this.timeout as number;
      // Timers may fire a millisecond early; only a full `timeout` of silence cuts the stream.
      if (this.waitingSince === undefined || waited < timeout) return this.schedule(Math.max(1, timeout - waited));
    }
    this.controller?.abort(TIMED_OUT);
    this.finish();
  }

  /**
   * The answer has started and is read as a stream: from now on the timeout bounds each wait for the next
   * chunk, not the whole call.
   */
  stream(): void {
    if (this.timeout === undefined || this.streaming || this.finished || this.signal?.aborted) return;
    this.streaming = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.schedule(this.timeout);
  }

  /** The stream's reader starts (`true`) or stops (`false`) waiting for a chunk. */
  waiting(waiting: boolean): void {
    if (this.streaming) this.waitingSince = waiting ? Date.now() : undefined;
  }

  /** Releases the timer and listeners once the call is over (its body read, or its failure thrown). */
  finish(): void {
    this.finished = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const unsubscribe = this.unsubscribe;
    if (unsubscribe) {
      this.unsubscribe = undefined;
      for (const stop of unsubscribe) stop();
    }
  }

  /** Maps any failure of this call to a typed @infer error. */
  mapError(error: unknown): unknown {
    const aborted = this.callerSignals.find((candidate) => candidate.aborted);
    if (aborted)
      return InferenceAbortError.isInstance(error) ? error : new InferenceAbortError({ cause: aborted.reason });
    if (this.signal?.aborted && this.signal.reason === TIMED_OUT) {
      if (InferenceTimeoutError.isInstance(error)) return error;
      const reason = this.streaming ? "" : this.loading ? ` while ${this.loading}` : "";
      return new InferenceTimeoutError({
        message: this.streaming
          ? `The stream received nothing for ${this.timeout} ms`
          : `The call timed out after ${this.timeout} ms${reason}`,
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
