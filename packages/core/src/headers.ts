/** Copies headers into `target` with lower-case names, so later sources override earlier ones. */
export function mergeHeaders(
  target: Record<string, string>,
  source: Record<string, string> | undefined,
): Record<string, string> {
  if (source)
    for (const name in source) {
      const value = source[name];
      if (value !== undefined) target[name.toLowerCase()] = value;
    }
  return target;
}
