import { isMarked } from "./inference-error.js";
import { TextGenerationError, type TextGenerationErrorOptions } from "./text-generation-error.js";

const marker = Symbol.for("@infer/core.error.text-generation.validation");

/** TGI `error_type: "validation"`: The server rejected the request's parameters. */
export class ValidationError extends TextGenerationError {
  private readonly [marker] = true;

  constructor(options: TextGenerationErrorOptions) {
    super(options);
    this.name = "ValidationError";
  }

  static override isInstance(value: unknown): value is ValidationError {
    return isMarked(value, marker);
  }
}
