import type PQueue from "p-queue";

/** Settings of the backoff every worker of a run shares. */
export interface BackoffOptions {
  /**
   * The first wait in milliseconds after a 429/503 without `Retry-After`; it doubles with each one in a row.
   * @default 500
   */
  minDelay?: number | undefined;
  /**
   * The longest single wait in milliseconds (a `Retry-After` beyond it is cut to it).
   * @default 30000
   */
  maxDelay?: number | undefined;
}

/**
 * One backoff for the whole run. A 429 or 503 pauses the run's queue, so no new request starts anywhere
 * until the wait is over (the requests in flight finish); then it starts again with one request at a time
 * until one succeeds, and only then at full concurrency: no thundering herd of retries.
 */
export class SharedBackoff {
  private readonly queue: PQueue;
  private readonly concurrency: number;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private resumeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private inARow = 0;
  private retryAfter: number | undefined;
  private probing = false;
  /** How many times the run paused. */
  pauses = 0;

  constructor(queue: PQueue, concurrency: number, options: BackoffOptions = {}) {
    this.queue = queue;
    this.concurrency = concurrency;
    this.minDelay = options.minDelay ?? 500;
    this.maxDelay = options.maxDelay ?? 30_000;
  }

  /** A response's `Retry-After` (seconds or an HTTP date), seen by the dispatcher before the error is thrown. */
  noteRetryAfter(value: string | string[] | undefined): void {
    const milliseconds = parseRetryAfter(value);
    if (milliseconds !== undefined) this.retryAfter = milliseconds;
  }

  /** A request was answered 429/503: pause everyone. Resolves to the wait chosen. */
  overloaded(): number {
    this.inARow += 1;
    const exponential = this.minDelay * 2 ** Math.min(this.inARow - 1, 16);
    const base = this.retryAfter ?? exponential;
    this.retryAfter = undefined;
    // Jitter only adds: a server's Retry-After is a lower bound.
    const delay = Math.min(this.maxDelay, base + Math.random() * Math.min(base, this.minDelay) * 0.5);
    const resumeAt = Date.now() + delay;
    if (resumeAt > this.resumeAt) {
      this.resumeAt = resumeAt;
      this.pauses += 1;
      this.queue.pause();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.resume(), delay);
      this.timer.unref?.();
    }
    return delay;
  }

  /** A request succeeded: back to full concurrency. */
  succeeded(): void {
    this.inARow = 0;
    if (this.probing) {
      this.probing = false;
      this.queue.concurrency = this.concurrency;
    }
  }

  /** Stops the timer (the run is over or aborted). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private resume(): void {
    this.timer = undefined;
    this.probing = true;
    this.queue.concurrency = 1;
    this.queue.start();
  }
}

/** A `Retry-After` header (seconds, or an HTTP date) in milliseconds from now; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  const seconds = Number(text);
  const milliseconds = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(text) - Date.now();
  return Number.isFinite(milliseconds) && milliseconds >= 0 ? milliseconds : undefined;
}
