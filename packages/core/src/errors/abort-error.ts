import { InferenceError, isMarked } from "./inference-error.js";

const marker = Symbol.for("@infer/core.error.abort");

/** The caller's signal aborted the call; `cause` is the signal's reason. */
export class InferenceAbortError extends InferenceError {
  private readonly [marker] = true;

  constructor({ cause }: { cause: unknown }) {
    super({ message: "The call was aborted", cause });
    this.name = "InferenceAbortError";
  }

  static override isInstance(value: unknown): value is InferenceAbortError {
    return isMarked(value, marker);
  }
}
