import { isMarked } from "./inference-error.js";
import { TextGenerationError, type TextGenerationErrorOptions } from "./text-generation-error.js";

const marker = Symbol.for("@infer/core.error.text-generation.generation");

/** TGI `error_type: "generation"`: The model failed while generating. */
export class GenerationError extends TextGenerationError {
  private readonly [marker] = true;

  constructor(options: TextGenerationErrorOptions) {
    super(options);
    this.name = "GenerationError";
  }

  static override isInstance(value: unknown): value is GenerationError {
    return isMarked(value, marker);
  }
}
