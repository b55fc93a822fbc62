import { InferenceInputError } from "./errors/input-error.js";
import { InferenceOutputError } from "./errors/output-error.js";
import type { RequestOptions } from "./options.js";
import type { InferenceResponse } from "./response.js";
import { parseBody } from "./server-error.js";
import { toSnakeCase } from "./snake-case.js";

const REQUEST_KEYS = new Set(["model", "signal", "timeout", "headers", "provider"]);
const NO_OPTIONS = Object.freeze({ request: Object.freeze({}), parameters: Object.freeze({}) });

/** Splits a call's options into the request options core reads and the rest (the task's parameters). */
export function splitOptions<Options extends RequestOptions>(
  options: Options | undefined,
  argument = "options",
): { request: RequestOptions; parameters: Omit<Options, keyof RequestOptions> } {
  if (options === undefined)
    return NO_OPTIONS as { request: RequestOptions; parameters: Omit<Options, keyof RequestOptions> };
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InferenceInputError({ argument, message: "expected an options object" });
  }
  const request: Record<string, unknown> = {};
  const parameters: Record<string, unknown> = {};
  for (const key in options) {
    const value = options[key];
    if (value === undefined) continue;
    (REQUEST_KEYS.has(key) ? request : parameters)[key] = value;
  }
  return { request: request as RequestOptions, parameters: parameters as Omit<Options, keyof RequestOptions> };
}

export { toSnakeCase };

/**
 * The set (not `undefined`) entries of `values`, renamed to snake_case; `undefined` when none is set, so a
 * body carries `parameters` only when there are some.
 */
export function snakeCaseParameters(values: object): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    (result ??= {})[toSnakeCase(key)] = value;
  }
  return result;
}

/** Rejects anything but a string (empty allowed only with `allowEmpty`). */
export function requireString(value: unknown, argument: string, { allowEmpty = false } = {}): string {
  if (typeof value !== "string")
    throw new InferenceInputError({ argument, message: `expected a string, got ${typeName(value)}` });
  if (!allowEmpty && value.length === 0)
    throw new InferenceInputError({ argument, message: "expected a non-empty string" });
  return value;
}

/** Rejects anything but an array of strings, with at least `minimum` items. */
export function requireStringArray(value: unknown, argument: string, minimum = 1): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new InferenceInputError({ argument, message: `expected an array of strings, got ${typeName(value)}` });
  }
  if (value.length < minimum) {
    throw new InferenceInputError({
      argument,
      message: `expected at least ${minimum} item${minimum === 1 ? "" : "s"}, got ${value.length}`,
    });
  }
  return value as string[];
}

/** Rejects a number outside a range; `undefined` passes. Bounds are exclusive unless stated. */
export function checkNumber(
  value: unknown,
  argument: string,
  {
    above,
    below,
    atLeast,
    atMost,
    integer = false,
  }: { above?: number; below?: number; atLeast?: number; atMost?: number; integer?: boolean },
): void {
  if (value === undefined) return;
  const valid =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (above === undefined || value > above) &&
    (below === undefined || value < below) &&
    (atLeast === undefined || value >= atLeast) &&
    (atMost === undefined || value <= atMost);
  if (!valid) {
    const bounds = [
      above !== undefined ? `> ${above}` : "",
      atLeast !== undefined ? `≥ ${atLeast}` : "",
      below !== undefined ? `< ${below}` : "",
      atMost !== undefined ? `≤ ${atMost}` : "",
    ].filter(Boolean);
    const kind = integer ? "an integer" : "a number";
    throw new InferenceInputError({
      argument,
      message: `expected ${kind}${bounds.length ? ` ${bounds.join(" and ")}` : ""}, got ${String(value)}`,
    });
  }
}

/**
 * Checks an answer's shape: returns `body` as the type `check` guards, or throws `InferenceOutputError`
 * (raw body attached). The older form takes the check's result and returns nothing.
 * @example return expectOutput(body, isLabelScoreList, "text-classification", "[{label, score}]");
 */
export function expectOutput<T>(
  body: unknown,
  check: (value: unknown) => value is T,
  task: string,
  expected: string,
): T;
export function expectOutput(valid: boolean, task: string, expected: string, body: unknown): void;
export function expectOutput(
  first: unknown,
  second: string | ((value: unknown) => boolean),
  third: string,
  fourth: unknown,
): unknown {
  if (typeof second === "function") {
    if (!second(first)) throw new InferenceOutputError({ task: third, expected: fourth as string, body: first });
    return first;
  }
  if (!first) throw new InferenceOutputError({ task: second, expected: third, body: fourth });
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `[{label: string, score: number}]`, the most common answer shape. */
export function isLabelScoreList(value: unknown): value is { label: string; score: number }[] {
  return (
    Array.isArray(value) &&
    value.every((item) => isObject(item) && typeof item["label"] === "string" && typeof item["score"] === "number")
  );
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/**
 * A binary answer (an image, audio) as a Blob typed with the server's `Content-Type`. A JSON or text answer,
 * or an empty body, is not what was asked for: `InferenceOutputError`, body attached (parsed when JSON).
 */
export async function readBlobOutput(response: InferenceResponse, task: string, expected: string): Promise<Blob> {
  const mediaType = (response.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType.startsWith("text/") || mediaType === "application/json" || mediaType.endsWith("+json")) {
    const text = await response.text();
    throw new InferenceOutputError({ task, expected, body: parseBody(text) });
  }
  const blob = await response.blob();
  if (blob.size === 0) throw new InferenceOutputError({ task, expected, body: "" });
  return blob;
}
