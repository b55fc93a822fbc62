import { isMarked } from "./inference-error.js";
import { TextGenerationError, type TextGenerationErrorOptions } from "./text-generation-error.js";

const marker = Symbol.for("@infer/core.error.text-generation.overloaded");

/** TGI `error_type: "overloaded"`: The server is overloaded; try again later. */
export class OverloadedError extends TextGenerationError {
  private readonly [marker] = true;

  constructor(options: TextGenerationErrorOptions) {
    super(options);
    this.name = "OverloadedError";
  }

  static override isInstance(value: unknown): value is OverloadedError {
    return isMarked(value, marker);
  }
}
