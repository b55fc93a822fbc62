import { hasKind } from "./inference-error.js";
import { TextGenerationError } from "./text-generation-error.js";

/** TGI `error_type: "generation"`: the model failed while generating. */
export class GenerationError extends TextGenerationError {
  static override readonly kind: string = "GenerationError";
  static override isInstance = (value: unknown): value is GenerationError => hasKind(value, "GenerationError");
}
