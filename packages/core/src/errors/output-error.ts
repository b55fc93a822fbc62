import { redactValue } from "../redaction.js";
import { hasKind, InferenceError } from "./inference-error.js";

export interface InferenceOutputErrorOptions {
  /** The task whose answer could not be read. */
  task: string;
  /** What the task expected, e.g. `"[{label, score}]"`. */
  expected: string;
  /** The raw answer. */
  body: unknown;
  cause?: unknown;
}

/** The server answered 2xx with a shape the task cannot read; `body` holds the raw answer. */
export class InferenceOutputError extends InferenceError {
  static override readonly kind: string = "InferenceOutputError";
  static override isInstance = (value: unknown): value is InferenceOutputError =>
    hasKind(value, "InferenceOutputError");
  readonly task: string;
  readonly body: unknown;

  constructor({ task, expected, body, cause }: InferenceOutputErrorOptions) {
    super({ message: `Unexpected ${task} output: expected ${expected}, got ${preview(body)}`, cause });
    this.task = task;
    this.body = redactValue(body);
  }
}

function preview(body: unknown): string {
  let text: string;
  try {
    text = typeof body === "string" ? body : (JSON.stringify(body) ?? String(body));
  } catch {
    text = String(body);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
