import { getEventListeners } from "node:events";

/**
 * Leak probes for the fault suite: timers started by core's own code and still pending, the caller's
 * signals' listeners, and client sockets still holding the event loop.
 */
const live = new Set<unknown>();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
let installed = false;

function fromCore(): boolean {
  const stack = new Error().stack ?? "";
  return stack.split("\n").slice(3).some((line) => /packages[\\/]core[\\/](src|dist)[\\/]/.test(line) && !/__fixtures__|\.test\.ts/.test(line));
}

/** Starts counting core's timers (idempotent). */
export function trackTimers(): void {
  if (installed) return;
  installed = true;
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (!fromCore()) return realSetTimeout(callback, ms, ...args);
    const timer: ReturnType<typeof setTimeout> = realSetTimeout(
      (...inner: unknown[]) => {
        live.delete(timer);
        callback(...inner);
      },
      ms,
      ...args,
    );
    live.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
    live.delete(timer);
    realClearTimeout(timer);
  }) as typeof clearTimeout;
}

/** Core's timers still pending. */
export function liveTimers(): number {
  return live.size;
}

/** Listeners of `abort` on a signal. */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, "abort").length;
}

/** TCP sockets still holding this process's event loop (server and client side). */
export function refSockets(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "TCPSocketWrap").length;
}

/** Polls until `probe()` is 0 (or `ms` pass) and returns its last value. */
export async function settlesToZero(probe: () => number, ms = 3_000): Promise<number> {
  const until = Date.now() + ms;
  let value = probe();
  while (value !== 0 && Date.now() < until) {
    await new Promise((resolve) => realSetTimeout(resolve, 10));
    value = probe();
  }
  return value;
}
