import colors from "picocolors";

/** Writes a value as JSON: indented and coloured when `pretty`, else compact on one line. */
export function printJson(value: unknown, pretty: boolean): void {
  process.stdout.write(`${pretty ? colourJson(value) : JSON.stringify(value)}\n`);
}

/** Indented JSON with keys, strings, numbers and literals in colour (picocolors honours NO_COLOR). */
export function colourJson(value: unknown, indent = ""): string {
  if (value === null || value === undefined) return colors.gray("null");
  if (typeof value === "string") return colors.green(JSON.stringify(value));
  if (typeof value === "number") return colors.yellow(Number.isFinite(value) ? String(value) : "null");
  if (typeof value === "boolean") return colors.magenta(String(value));
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // Arrays of numbers (embeddings, scores) stay on one line.
    if (value.every((item) => typeof item === "number")) return `[${value.map((item) => colourJson(item)).join(", ")}]`;
    return `[\n${value.map((item) => `${inner}${colourJson(item, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${colors.cyan(JSON.stringify(key))}: ${colourJson(item, inner)}`).join(",\n")}\n${indent}}`;
}
