import { hasKind, InferenceError } from "./inference-error.js";

/** The call's `timeout` expired, including while a model was loading or between retries. */
export class InferenceTimeoutError extends InferenceError {
  static override readonly kind: string = "InferenceTimeoutError";
  static override isInstance = (value: unknown): value is InferenceTimeoutError =>
    hasKind(value, "InferenceTimeoutError");
}
