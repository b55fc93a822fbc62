import { hasKind, InferenceError } from "./inference-error.js";

export interface InferenceInputErrorOptions {
  /** The argument or option at fault, e.g. `"image"` or `"options.srcLang"`. */
  argument: string;
  message: string;
  cause?: unknown;
}

/** Bad input, found before any request was sent. */
export class InferenceInputError extends InferenceError {
  static override readonly kind: string = "InferenceInputError";
  static override isInstance = (value: unknown): value is InferenceInputError => hasKind(value, "InferenceInputError");
  /** The argument or option at fault. */
  readonly argument: string;

  constructor({ argument, message, cause }: InferenceInputErrorOptions) {
    super({ message: `Invalid argument \`${argument}\`: ${message}`, cause });
    this.argument = argument;
  }
}
