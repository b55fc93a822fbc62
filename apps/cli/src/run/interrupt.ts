import { InterruptedError } from "../errors.js";

/** An abort signal fired by Ctrl-C (SIGINT) or SIGTERM; a second one exits at once with 130. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** Stops listening for the signals. */
  dispose(): void;
}

export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new InterruptedError());
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
