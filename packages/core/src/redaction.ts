/**
 * Keeps secrets out of everything @infer prints: every token a client of this process sent is remembered
 * (in a registry shared by duplicate copies of core) and replaced in error messages, bodies and inspections.
 */
const registry = globalThis as { [key: symbol]: Set<string> | undefined };
const KEY = Symbol.for("@infer/core.secrets");
const secrets: Set<string> = (registry[KEY] ??= new Set());
const MASK = "hf_***";

/** Remembers a token, so that no later error or inspection shows it. */
export function rememberSecret(token: string | undefined): void {
  // Too short a "token" would mask ordinary text; real tokens are dozens of characters.
  if (token !== undefined && token.length >= 8) secrets.add(token);
}

/** The text with every known token replaced. */
export function redactText(text: string): string {
  for (const secret of secrets) if (text.includes(secret)) text = text.split(secret).join(MASK);
  return text;
}

/** A value (a parsed body) with every known token replaced; the value itself when it holds none. */
export function redactValue<T>(value: T): T {
  if (secrets.size === 0 || value === undefined || value === null) return value;
  if (typeof value === "string") return redactText(value) as T;
  if (typeof value !== "object") return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return value;
  }
  if (json === undefined || redactText(json) === json) return value;
  return JSON.parse(redactText(json)) as T;
}

const SECRET_PARAM = /token|key|secret|sig|auth|pass|credential|session|code/i;

/** A URL for an error message: its password and the values of query parameters that look secret masked. */
export function safeUrl(url: string): string {
  if (!url.includes("?") && !url.includes("@")) return redactText(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  if (parsed.password) parsed.password = "***";
  for (const name of new Set(parsed.searchParams.keys()))
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, "***");
  return redactText(parsed.href);
}
