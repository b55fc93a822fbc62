import { InferenceError, isMarked } from "./inference-error.js";

const marker = Symbol.for("@infer/core.error.text-generation");

export interface TextGenerationErrorOptions {
  message: string;
  /** TGI's `error_type`, e.g. `"validation"`. */
  errorType?: string | undefined;
  /** The body or stream event that carried the error. */
  body?: unknown;
  cause?: unknown;
}

/** A typed error reported by Text Generation Inference, in a response body or inside a stream. */
export class TextGenerationError extends InferenceError {
  private readonly [marker] = true;
  readonly errorType: string | undefined;
  readonly body: unknown;

  constructor({ message, errorType, body, cause }: TextGenerationErrorOptions) {
    super({ message, cause });
    this.name = "TextGenerationError";
    this.errorType = errorType;
    this.body = body;
  }

  static override isInstance(value: unknown): value is TextGenerationError {
    return isMarked(value, marker);
  }
}
