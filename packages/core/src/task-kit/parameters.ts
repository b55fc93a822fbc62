import type { ParameterTable } from "../parameters.js";

/**
 * `encodeParameters()` for a task function: the same checks, messages and snake_case names, but the checking
 * code is loaded (a dynamic `import()`, its own chunk with code splitting) only when a parameter is set, so a
 * call without parameters carries none of it. `undefined` when none is set.
 * @throws InferenceInputError naming `options.<name>` for a value the table rejects (a rejected promise).
 */
export async function encodeParametersAsync(
  table: ParameterTable,
  values: object,
  argument = "options",
): Promise<Record<string, unknown> | undefined> {
  if (!Object.values(values).some((value) => value !== undefined)) return undefined;
  const { encodeParameters } = await import("../parameters.js");
  return encodeParameters(table, values, argument);
}
