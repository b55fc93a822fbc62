// Its own module: the lazily loaded parameter checks (parameters.ts) share it without importing task-kit.ts.
/** `negativePrompt` → `negative_prompt`. */
export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
