import { UsageError } from "../errors.js";
import { binaryInput, listInput, tableInput, textInput } from "../io/input.js";
import { printJson } from "../io/json.js";
import { checkBinaryTarget, printText, writeBinary, writeSegments } from "../io/output.js";
import { flagName, type TaskSpec } from "../tasks/spec.js";
import { startActivity } from "./activity.js";
import { createClient, prettyOutput, type CommonOptions } from "./common.js";
import { onInterrupt } from "./interrupt.js";

export interface TaskCommandOptions extends CommonOptions {
  output?: string;
  force?: boolean;
  stream?: boolean;
  [option: string]: unknown;
}

/** `infer <task> <inputs...> [options]`: reads the inputs, calls the task, prints or writes the result. */
export async function runTask(spec: TaskSpec, positionals: unknown[], options: TaskCommandOptions): Promise<void> {
  if (spec.needsModel && options.model === undefined)
    throw new UsageError("--model", `${spec.name} needs a model: give --model ID`);
  if (spec.output === "binary") await checkBinaryTarget(options, "binary (audio or image bytes)");
  const inputs = await readInputs(spec, positionals);
  const callOptions = taskOptions(spec, options);
  const pretty = prettyOutput(options);
  const interrupt = onInterrupt();
  const activity = await startActivity(`${spec.name}${options.model ? ` (${options.model})` : ""}`);
  try {
    const client = await createClient(options, interrupt.signal);
    const method = (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[spec.method]!;
    const result = await method.call(client, ...inputs, callOptions);
    activity.stop();
    if (options.stream) return await printStream(result as AsyncIterable<unknown>, options);
    if (spec.output === "binary") return await writeBinary(result as Blob, options, pretty, interrupt.signal);
    if (spec.output === "segments")
      return await writeSegments(result as Parameters<typeof writeSegments>[0], options, pretty, interrupt.signal);
    if (typeof result === "string") return printText(result, pretty);
    printJson(result, pretty);
  } finally {
    activity.stop();
    interrupt.dispose();
  }
}

async function readInputs(spec: TaskSpec, positionals: unknown[]): Promise<unknown[]> {
  const inputs: unknown[] = [];
  for (const [index, input] of spec.inputs.entries()) {
    const value = positionals[index];
    if (input.kind === "text") inputs.push(await textInput(value as string, input.name));
    else if (input.kind === "binary") inputs.push(await binaryInput(value as string, input.name));
    else if (input.kind === "table") inputs.push(await tableInput(value as string, input.name));
    else if (input.kind === "list") {
      const list = listInput(value as string[]);
      if (list.length === 0) throw new UsageError(input.name, "expected at least one value");
      inputs.push(list);
    } else {
      const texts: string[] = [];
      for (const text of value as string[]) texts.push(await textInput(text, input.name));
      inputs.push(texts.length === 1 ? texts[0] : texts);
    }
  }
  return inputs;
}

/** The task's own options from the flags: camelCase keys, `parameters` for summarization and conversational. */
function taskOptions(spec: TaskSpec, options: TaskCommandOptions): Record<string, unknown> {
  const call: Record<string, unknown> = {};
  let parameters: Record<string, unknown> | undefined;
  let extra: Record<string, unknown> | undefined;
  for (const option of spec.options) {
    const value = options[attributeName(option.key)];
    if (value === undefined) continue;
    if (option.key === "parameters") extra = value as Record<string, unknown>;
    else if (option.inParameters) (parameters ??= {})[option.key] = value;
    else call[option.key] = value;
  }
  if (extra || parameters) call["parameters"] = { ...extra, ...parameters };
  if (options.stream) call["stream"] = true;
  return call;
}

/** Commander's attribute for a flag: `--max-new-tokens` → `maxNewTokens`. */
export function attributeName(key: string): string {
  return flagName(key).replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Tokens as they arrive; with `--json`, one JSON value per line (token texts, or events with `--details`). */
async function printStream(stream: AsyncIterable<unknown>, options: TaskCommandOptions): Promise<void> {
  let ended = true;
  for await (const item of stream) {
    if (options.json || typeof item !== "string") process.stdout.write(`${JSON.stringify(item)}\n`);
    else {
      process.stdout.write(item);
      ended = item.endsWith("\n");
    }
  }
  if (!ended) process.stdout.write("\n");
}
