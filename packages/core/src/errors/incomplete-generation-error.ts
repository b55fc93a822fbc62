import { isMarked } from "./inference-error.js";
import { TextGenerationError, type TextGenerationErrorOptions } from "./text-generation-error.js";

const marker = Symbol.for("@infer/core.error.text-generation.incomplete_generation");

/** TGI `error_type: "incomplete_generation"`: The generation stopped before its end. */
export class IncompleteGenerationError extends TextGenerationError {
  private readonly [marker] = true;

  constructor(options: TextGenerationErrorOptions) {
    super(options);
    this.name = "IncompleteGenerationError";
  }

  static override isInstance(value: unknown): value is IncompleteGenerationError {
    return isMarked(value, marker);
  }
}
