import { hasKind, InferenceError } from "./inference-error.js";

export interface InferenceConnectionErrorOptions {
  message: string;
  /** True when the connection was reset or dropped (worth another attempt), false when it was refused. */
  retryable: boolean;
  cause?: unknown;
}

/** The server could not be reached, or dropped the connection, after any retries. */
export class InferenceConnectionError extends InferenceError {
  static override readonly kind: string = "InferenceConnectionError";
  static override isInstance = (value: unknown): value is InferenceConnectionError =>
    hasKind(value, "InferenceConnectionError");
  readonly retryable: boolean;

  constructor({ message, retryable, cause }: InferenceConnectionErrorOptions) {
    super({ message, cause });
    this.retryable = retryable;
  }
}
