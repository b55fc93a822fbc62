// The code of the call the page just made, ready to paste. The token is never written into it.
import type { TaskSpec, Values } from "./tasks.js";

export interface SnippetSettings {
  endpoint: string;
  hubEndpoint: string;
  hasToken: boolean;
  model: string;
  provider: string | undefined;
}

export function snippet(task: TaskSpec, values: Values, settings: SnippetSettings): string {
  const files: string[] = [];
  const args = task.args(values).map((value) => {
    if (value instanceof File) {
      const name = value.type.startsWith("audio/") ? "audio" : "image";
      files.push(`const ${name} = await (await fetch(${JSON.stringify(value.name)})).blob();`);
      return name;
    }
    return code(value);
  });
  const options: Record<string, unknown> = { model: settings.model || undefined, ...(task.options?.(values) ?? {}) };
  if (settings.provider) options["provider"] = settings.provider;
  const optionText = code(options);
  if (optionText !== "{}") args.push(optionText);
  const clientOptions = [`endpoint: ${JSON.stringify(settings.endpoint)}`];
  // The Hub is asked only for a recommended model, when none is given.
  if (!settings.model) clientOptions.push(`hubEndpoint: ${JSON.stringify(settings.hubEndpoint)}`);
  if (settings.hasToken) clientOptions.push(`token: "hf_***"`);
  const streamed = task.output === "stream";
  const call = `${task.exportName}(client, ${args.join(", ")})`;
  const use = !streamed
    ? [`const result = await ${call};`, "console.log(result);"]
    : task.exportName === "chatCompletion"
      ? [
          `for await (const chunk of await ${call}) {`,
          `  document.body.append(chunk.choices[0]?.delta.content ?? "");`,
          "}",
        ]
      : [`for await (const token of await ${call}) {`, "  document.body.append(token);", "}"];
  return [
    `import { createClient } from "@infer/core";`,
    `import { ${task.exportName} } from "${task.packageName}";`,
    "",
    `const client = createClient({ ${clientOptions.join(", ")} });`,
    ...files,
    ...use,
  ].join("\n");
}

/** A value as TypeScript source: JSON with unquoted keys where possible, `undefined` entries left out. */
function code(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(code).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${code(item)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}
