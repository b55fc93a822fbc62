/** Bad usage found by the CLI itself, before any request: exit code 2, the message names the argument. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.argument = argument;
  }
}

/** The user pressed Ctrl-C (or the process got SIGTERM): exit code 130. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";

  constructor() {
    super("interrupted");
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2, http: 3, timeout: 4, interrupted: 130 } as const;

const HTTP_ERRORS = new Set([
  "InferenceHTTPError",
  "TextGenerationError",
  "GenerationError",
  "IncompleteGenerationError",
  "OverloadedError",
  "ValidationError",
  "UnknownError",
]);

/**
 * The exit code of an error. Errors are told apart by `name` (each @infer error's name is its class name),
 * so this module needs no import of @infer/core at start-up.
 */
export function exitCodeFor(error: unknown): number {
  const name = error instanceof Error ? error.name : "";
  if (name === "UsageError" || name === "InferenceInputError") return EXIT.usage;
  if (name === "InterruptedError" || name === "InferenceAbortError") return EXIT.interrupted;
  if (name === "InferenceTimeoutError") return EXIT.timeout;
  if (HTTP_ERRORS.has(name)) return EXIT.http;
  return EXIT.failure;
}

/** One line for stderr. @infer's errors never carry the token, so the message is safe to print. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "InterruptedError" || error.name === "InferenceAbortError") return "interrupted";
  // A task option is a flag here: `options.tgtLang` → `--tgt-lang`.
  if (error.name === "InferenceInputError")
    return error.message.replace(
      /`options\.([A-Za-z]+)`/g,
      (_match, key: string) => `\`--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}\``,
    );
  return error.message;
}
