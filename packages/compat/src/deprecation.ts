// On globalThis, so that two installed copies of this package still warn once per process between them.
const WARNED = Symbol.for("@infer/compat.deprecation-warned");

const MESSAGE =
  "@infer/compat: InferenceApi is deprecated and will be removed in a future major version. " +
  "Use InferenceClient from @infer/inference; `npx @infer/codemod <paths...>` rewrites most code (see MIGRATION.md).";

/** Warns with `console.warn` the first time it is called in a process, and never again. */
export function warnDeprecatedOnce(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[WARNED] === true) return;
  global[WARNED] = true;
  console.warn(MESSAGE);
}
