import { hasKind } from "./inference-error.js";
import { TextGenerationError } from "./text-generation-error.js";

/** A TGI error of a type this client does not know. */
export class UnknownError extends TextGenerationError {
  static override readonly kind: string = "UnknownError";
  static override isInstance = (value: unknown): value is UnknownError => hasKind(value, "UnknownError");
}
