import type { Platform } from "./platform/platform.js";

const TRUE_VALUES = new Set(["1", "ON", "YES", "TRUE"]);

/** WIRE.md's implicit look-up: `$HF_TOKEN`, `$HUGGING_FACE_HUB_TOKEN`, then the token file. */
export function lookupToken(platform: Platform): string | undefined {
  const disabled = platform.env("HF_HUB_DISABLE_IMPLICIT_TOKEN");
  if (disabled !== undefined && TRUE_VALUES.has(disabled.trim().toUpperCase())) return undefined;
  for (const source of [platform.env("HF_TOKEN"), platform.env("HUGGING_FACE_HUB_TOKEN")]) {
    const token = source?.trim();
    if (token) return token;
  }
  return platform.readTokenFile()?.trim() || undefined;
}

/** Replaces every occurrence of the token, so it never reaches an error, a log line or a snapshot. */
export function redact(text: string, token: string | undefined): string {
  return token && text.includes(token) ? text.split(token).join("hf_***") : text;
}
