import { redactText } from "../redaction.js";

const marker = Symbol.for("@infer/core.error");

/** Options every @infer error accepts. */
export interface InferenceErrorOptions {
  message: string;
  cause?: unknown;
}

/** Base class of every error thrown by @infer packages. */
export class InferenceError extends Error {
  /** The class's name, kept in each instance so `isInstance()` works across duplicate copies of core. */
  static readonly kind: string = "InferenceError";
  declare private readonly [marker]: readonly string[];

  constructor({ message, cause }: InferenceErrorOptions) {
    super(redactText(message), cause === undefined ? undefined : { cause });
    const kinds: string[] = [];
    for (
      let type = new.target as typeof InferenceError;
      type !== InferenceError;
      type = Object.getPrototypeOf(type) as typeof InferenceError
    ) {
      if (Object.hasOwn(type, "kind")) kinds.push(type.kind);
    }
    kinds.push("InferenceError");
    this.name = kinds[0] as string;
    Object.defineProperty(this, marker, { value: kinds });
  }

  /**
   * True for an instance of this class, even one thrown by another installed copy of @infer/core
   * (task packages version independently, so several copies may be installed). Safe to pass unbound,
   * e.g. `errors.filter(InferenceHTTPError.isInstance)`.
   */
  static isInstance = (value: unknown): value is InferenceError => hasKind(value, "InferenceError");
}

/** Whether `value` is an @infer error of the given kind (class name), from any copy of core. */
export function hasKind(value: unknown, kind: string): boolean {
  const kinds = typeof value === "object" && value !== null ? (value as { [marker]?: unknown })[marker] : undefined;
  return Array.isArray(kinds) && kinds.includes(kind);
}
