import { InferenceError, isMarked } from "./inference-error.js";

const marker = Symbol.for("@infer/core.error.input");

export interface InferenceInputErrorOptions {
  /** The argument or option at fault, e.g. `"image"` or `"options.srcLang"`. */
  argument: string;
  message: string;
  cause?: unknown;
}

/** Bad input, found before any request was sent. */
export class InferenceInputError extends InferenceError {
  private readonly [marker] = true;
  /** The argument or option at fault. */
  readonly argument: string;

  constructor({ argument, message, cause }: InferenceInputErrorOptions) {
    super({ message: `Invalid argument \`${argument}\`: ${message}`, cause });
    this.name = "InferenceInputError";
    this.argument = argument;
  }

  static override isInstance(value: unknown): value is InferenceInputError {
    return isMarked(value, marker);
  }
}
