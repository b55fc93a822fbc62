/**
 * One `abort` listener per caller signal, however many calls share it: calls subscribe here instead of on
 * the signal, so 10,000 calls on one signal add one listener (no `MaxListenersExceededWarning`), and the
 * listener goes as soon as the last call settles.
 */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

function dispatch(this: AbortSignal): void {
  const set = subscribers.get(this);
  subscribers.delete(this);
  if (set) for (const callback of set) callback();
}

/** Calls `callback` once when `signal` aborts; returns the unsubscribe. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let set = subscribers.get(signal);
  if (set === undefined) {
    set = new Set();
    subscribers.set(signal, set);
    signal.addEventListener("abort", dispatch, { once: true });
  }
  set.add(callback);
  return () => {
    const current = subscribers.get(signal);
    if (current === undefined || !current.delete(callback) || current.size > 0) return;
    subscribers.delete(signal);
    signal.removeEventListener("abort", dispatch);
  };
}
