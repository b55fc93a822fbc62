import { InvalidArgumentError } from "commander";

/** A finite number. */
export function parseNumber(value: string): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new InvalidArgumentError("expected a number.");
  return number;
}

/** An integer. */
export function parseInteger(value: string): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError("expected an integer.");
  return number;
}

/** A list: the flag repeated, or comma lists, or both (`--stop a --stop b,c` → `["a", "b", "c"]`). */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...splitList(value)];
}

/** `"a, b,,c"` → `["a", "b", "c"]`. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A JSON object. */
export function parseJsonObject(value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError("expected a JSON object.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new InvalidArgumentError("expected a JSON object.");
  return parsed as Record<string, unknown>;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** A duration in milliseconds: `30` and `30s` are seconds, `500ms` milliseconds, `2m` minutes. */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError("expected a duration: 30 or 30s (seconds), 500ms, 2m.");
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? "s"] ?? 1000));
}

/** A TCP port, 0 to 65535. */
export function parsePort(value: string): number {
  const port = parseInteger(value);
  if (port < 0 || port > 65_535) throw new InvalidArgumentError("expected a port, 0 to 65535.");
  return port;
}
