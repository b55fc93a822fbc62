import type { Platform } from "./platform/platform.js";

const TRUE_VALUES = new Set(["1", "ON", "YES", "TRUE"]);

/** A token and where it came from, for a 401/403's message (never the token itself). */
export interface FoundToken {
  token: string | undefined;
  /** e.g. "the `token` option", "$HF_TOKEN", "the token file /home/me/.cache/huggingface/token" */
  source: string;
}

/** WIRE.md's implicit look-up: `$HF_TOKEN`, `$HUGGING_FACE_HUB_TOKEN`, then the token file. */
export function lookupToken(platform: Platform): FoundToken {
  const disabled = platform.env("HF_HUB_DISABLE_IMPLICIT_TOKEN");
  if (disabled !== undefined && TRUE_VALUES.has(disabled.trim().toUpperCase()))
    return { token: undefined, source: "$HF_HUB_DISABLE_IMPLICIT_TOKEN" };
  for (const name of ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"]) {
    const token = platform.env(name)?.trim();
    if (token) return { token, source: `$${name}` };
  }
  const file = platform.readTokenFile();
  const token = file?.content.trim() || undefined;
  return { token, source: file ? `the token file ${file.path}` : "none" };
}

/** The hint of a 401/403: whether a token was sent and from where, without showing it. */
export function authHint(status: number, token: string | undefined, source: string): string | undefined {
  if (status !== 401 && status !== 403) return undefined;
  if (token !== undefined) return `A token was sent (from ${source}); is it valid, with access to this model?`;
  const why: Record<string, string> = {
    "input-url": ": input URLs are downloaded without it",
    false: " (`token: false`)",
    $HF_HUB_DISABLE_IMPLICIT_TOKEN: " ($HF_HUB_DISABLE_IMPLICIT_TOKEN is set)",
  };
  return `No token was sent${why[source] ?? ": pass `token`, set $HF_TOKEN, or log in to write the token file"}`;
}

/** Replaces every occurrence of the token, so it never reaches an error, a log line or a snapshot. */
export function redact(text: string, token: string | undefined): string {
  return token && text.includes(token) ? text.split(token).join("hf_***") : text;
}
