// The code of the call the page just made, ready to paste. The token is never written into it.
import { DEFAULT_HUB_ENDPOINT, DEFAULT_ROUTER_ENDPOINT } from "@infer/core";
import type { ProviderSpec } from "./providers.js";
import type { TaskSpec, Values } from "./tasks.js";

export interface SnippetSettings {
  endpoint: string;
  hubEndpoint: string;
  hasToken: boolean;
  model: string;
  /** The provider option of the call (undefined: hf-inference, the default with an endpoint). */
  provider: string | undefined;
  routerEndpoint: string;
  /** The provider packages the client is given with `with()`. */
  providers: readonly Pick<ProviderSpec, "packageName" | "exportName">[];
}

const trimmed = (url: string) => url.replace(/\/+$/, "");

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
  // The Hub is asked for a recommended model, when none is given, and for the model's provider mapping.
  const hubDefault = trimmed(settings.hubEndpoint) === trimmed(DEFAULT_HUB_ENDPOINT);
  if (!settings.model || (settings.provider && !hubDefault))
    clientOptions.push(`hubEndpoint: ${JSON.stringify(settings.hubEndpoint)}`);
  if (
    settings.provider &&
    settings.routerEndpoint &&
    trimmed(settings.routerEndpoint) !== trimmed(DEFAULT_ROUTER_ENDPOINT)
  )
    clientOptions.push(`routerEndpoint: ${JSON.stringify(settings.routerEndpoint)}`);
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
    ...settings.providers.map((spec) => `import { ${spec.exportName} } from "${spec.packageName}";`),
    "",
    `const client = createClient({ ${clientOptions.join(", ")} })${settings.providers.length > 0 ? `.with(${settings.providers.map((spec) => spec.exportName).join(", ")})` : ""};`,
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
