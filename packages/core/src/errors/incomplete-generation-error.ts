import { hasKind } from "./inference-error.js";
import { TextGenerationError } from "./text-generation-error.js";

/** TGI `error_type: "incomplete_generation"`, or a stream that ended before its final event. */
export class IncompleteGenerationError extends TextGenerationError {
  static override readonly kind: string = "IncompleteGenerationError";
  static override isInstance = (value: unknown): value is IncompleteGenerationError =>
    hasKind(value, "IncompleteGenerationError");
}
