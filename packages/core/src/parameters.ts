import { InferenceInputError } from "./errors/input-error.js";
import { toSnakeCase } from "./snake-case.js";

/** How one task parameter is checked before sending. */
export type ParameterRule =
  | {
      readonly type: "integer" | "number";
      readonly above?: number;
      readonly atLeast?: number;
      readonly below?: number;
      readonly atMost?: number;
    }
  | { readonly type: "boolean" }
  | { readonly type: "string"; readonly oneOf?: readonly string[] }
  | { readonly type: "strings"; readonly minimum?: number }
  | { readonly type: "string-or-strings" }
  | { readonly type: "object" };

/**
 * A task's parameters by their camelCase option name. Each entry is checked before anything is sent and
 * sent under its snake_case name (`wire` overrides the name).
 */
export type ParameterTable = Readonly<Record<string, ParameterRule & { readonly wire?: string }>>;

/**
 * Checks the task parameters of a call against `table` and returns them keyed by their wire (snake_case) names,
 * or `undefined` when none is set, so a body carries `"parameters"` only when there are some. An `undefined`
 * value counts as not set. They come in the table's order, whatever the call's, so a body is the same bytes for the
 * same parameters. A parameter the table does not know is sent as given, after the table's, renamed to snake_case,
 * so a server's newer parameters stay reachable.
 * @throws InferenceInputError naming `options.<name>` for a value the table rejects.
 */
export function encodeParameters(
  table: ParameterTable,
  values: object,
  argument = "options",
): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (const key of new Set([...Object.keys(table), ...Object.keys(values)])) {
    const value = (values as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const rule = Object.hasOwn(table, key) ? table[key] : undefined;
    if (rule !== undefined) checkParameter(rule, value, `${argument}.${key}`);
    (result ??= {})[rule?.wire ?? toSnakeCase(key)] = value;
  }
  return result;
}

function checkParameter(rule: ParameterRule, value: unknown, argument: string): void {
  const reject = (expected: string): never => {
    throw new InferenceInputError({ argument, message: `expected ${expected}, got ${describe(value)}` });
  };
  switch (rule.type) {
    case "integer":
    case "number": {
      const kind = rule.type === "integer" ? "an integer" : "a number";
      const bounds = [
        rule.above === undefined ? "" : ` > ${rule.above}`,
        rule.atLeast === undefined ? "" : ` ≥ ${rule.atLeast}`,
        rule.below === undefined ? "" : ` < ${rule.below}`,
        rule.atMost === undefined ? "" : ` ≤ ${rule.atMost}`,
      ].filter(Boolean);
      const expected = `${kind}${bounds.join(" and")}`;
      if (typeof value !== "number" || !Number.isFinite(value)) reject(expected);
      const number = value as number;
      if (rule.type === "integer" && !Number.isInteger(number)) reject(expected);
      if (rule.above !== undefined && !(number > rule.above)) reject(expected);
      if (rule.atLeast !== undefined && !(number >= rule.atLeast)) reject(expected);
      if (rule.below !== undefined && !(number < rule.below)) reject(expected);
      if (rule.atMost !== undefined && !(number <= rule.atMost)) reject(expected);
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") reject("a boolean");
      return;
    case "string":
      if (typeof value !== "string") reject(rule.oneOf ? `one of ${quoteAll(rule.oneOf)}` : "a string");
      if (rule.oneOf && !rule.oneOf.includes(value as string)) reject(`one of ${quoteAll(rule.oneOf)}`);
      return;
    case "strings": {
      const minimum = rule.minimum ?? 1;
      const expected = `an array of at least ${minimum} string${minimum === 1 ? "" : "s"}`;
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string") || value.length < minimum)
        reject(expected);
      return;
    }
    case "string-or-strings":
      if (typeof value === "string" && value.length > 0) return;
      if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")) return;
      reject("a non-empty string or array of strings");
      return;
    case "object":
      if (value === null || typeof value !== "object" || Array.isArray(value)) reject("an object");
      return;
  }
}

function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}
