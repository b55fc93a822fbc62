import { InferenceError, isMarked, type InferenceErrorOptions } from "./inference-error.js";

const marker = Symbol.for("@infer/core.error.timeout");

/** The call's `timeout` expired, including while a model was loading or between retries. */
export class InferenceTimeoutError extends InferenceError {
  private readonly [marker] = true;

  constructor(options: InferenceErrorOptions) {
    super(options);
    this.name = "InferenceTimeoutError";
  }

  static override isInstance(value: unknown): value is InferenceTimeoutError {
    return isMarked(value, marker);
  }
}
