import { hasKind, InferenceError } from "./inference-error.js";

/** The caller's signal aborted the call; `cause` is the signal's reason. */
export class InferenceAbortError extends InferenceError {
  static override readonly kind: string = "InferenceAbortError";
  static override isInstance = (value: unknown): value is InferenceAbortError => hasKind(value, "InferenceAbortError");

  constructor({ cause }: { cause: unknown }) {
    super({ message: "The call was aborted", cause });
  }
}
