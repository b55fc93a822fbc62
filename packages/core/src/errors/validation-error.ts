import { hasKind } from "./inference-error.js";
import { TextGenerationError } from "./text-generation-error.js";

/** TGI `error_type: "validation"`: the server rejected the request's parameters. */
export class ValidationError extends TextGenerationError {
  static override readonly kind: string = "ValidationError";
  static override isInstance = (value: unknown): value is ValidationError => hasKind(value, "ValidationError");
}
