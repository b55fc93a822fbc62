import { InferenceError, isMarked, type InferenceErrorOptions } from "./inference-error.js";

const marker = Symbol.for("@infer/core.error.connection");

/** The server could not be reached or dropped the connection, after any retries. */
export class InferenceConnectionError extends InferenceError {
  private readonly [marker] = true;

  constructor(options: InferenceErrorOptions) {
    super(options);
    this.name = "InferenceConnectionError";
  }

  static override isInstance(value: unknown): value is InferenceConnectionError {
    return isMarked(value, marker);
  }
}
