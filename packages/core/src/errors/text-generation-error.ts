import { redactValue } from "../redaction.js";
import { hasKind, InferenceError } from "./inference-error.js";

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
  static override readonly kind: string = "TextGenerationError";
  static override isInstance = (value: unknown): value is TextGenerationError => hasKind(value, "TextGenerationError");
  readonly errorType: string | undefined;
  readonly body: unknown;

  constructor({ message, errorType, body, cause }: TextGenerationErrorOptions) {
    super({ message, cause });
    this.errorType = errorType;
    this.body = redactValue(body);
  }
}
