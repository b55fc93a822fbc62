import { isMarked } from "./inference-error.js";
import { TextGenerationError, type TextGenerationErrorOptions } from "./text-generation-error.js";

const marker = Symbol.for("@infer/core.error.text-generation.unknown");

/** TGI `error_type: "unknown"`: An error of a type this client does not know. */
export class UnknownError extends TextGenerationError {
  private readonly [marker] = true;

  constructor(options: TextGenerationErrorOptions) {
    super(options);
    this.name = "UnknownError";
  }

  static override isInstance(value: unknown): value is UnknownError {
    return isMarked(value, marker);
  }
}
