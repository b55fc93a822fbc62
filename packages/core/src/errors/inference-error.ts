const marker = Symbol.for("@infer/core.error");

/** Options every @infer error accepts. */
export interface InferenceErrorOptions {
  message: string;
  cause?: unknown;
}

/** Base class of every error thrown by @infer packages. */
export class InferenceError extends Error {
  private readonly [marker] = true;

  constructor({ message, cause }: InferenceErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "InferenceError";
  }

  /** True for any @infer error, even one thrown by another installed copy of @infer/core. */
  static isInstance(value: unknown): value is InferenceError {
    return isMarked(value, marker);
  }
}

/** Checks a `Symbol.for` marker, which survives duplicate copies of the package. */
export function isMarked(value: unknown, symbol: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
}
