import { Option, type Command } from "commander";
import type { InferenceClient } from "@infer/inference";
import { parseDuration } from "./parse.js";

/** The options every command that calls a model takes. */
export interface CommonOptions {
  model?: string;
  provider?: string;
  endpoint?: string;
  hubEndpoint?: string;
  token?: string;
  timeout?: number;
  json?: boolean;
}

/** Adds `--model`, `--provider`, `--endpoint`, `--hub-endpoint`, `--token`, `--timeout` (and `--json` unless told not to). */
export function addCommonOptions(command: Command, { json = true }: { json?: boolean } = {}): Command {
  command.optionsGroup("Common options:");
  command
    .option("-m, --model <id>", "a Hub model id, or the URL of an endpoint (default: the task's recommended model)")
    .option("--provider <name>", 'the inference provider: "hf-inference", "auto", or a provider\'s name')
    .addOption(new Option("--endpoint <url>", "the serverless API base").env("HF_INFERENCE_ENDPOINT"))
    .addOption(new Option("--hub-endpoint <url>", "the Hub API base").env("HF_ENDPOINT"))
    .option("--token <token>", "the access token (default: $HF_TOKEN, then the token file); never printed")
    .option("--timeout <duration>", "give up after this long: 30 or 30s, 500ms, 2m", parseDuration);
  if (json) command.option("--json", "compact JSON output, even on a terminal");
  return command;
}

/** The client for a command's options; heavy modules are loaded here, not at start-up. */
export async function createClient(options: CommonOptions, signal: AbortSignal): Promise<InferenceClient> {
  const { InferenceClient } = await import("@infer/inference");
  const clientOptions: ConstructorParameters<typeof InferenceClient>[0] & { provider?: string } = { signal };
  if (options.model !== undefined) clientOptions.model = options.model;
  if (options.endpoint !== undefined) clientOptions.endpoint = options.endpoint;
  if (options.hubEndpoint !== undefined) clientOptions.hubEndpoint = options.hubEndpoint;
  if (options.token !== undefined) clientOptions.token = options.token;
  if (options.timeout !== undefined) clientOptions.timeout = options.timeout;
  // Inference Providers are a client option of core (DESIGN.md); only set when given, and never a task parameter.
  if (options.provider !== undefined) clientOptions.provider = options.provider;
  return new InferenceClient(clientOptions);
}

/** Pretty output: stdout is a terminal and `--json` was not asked for. */
export function prettyOutput(options: { json?: boolean }): boolean {
  return process.stdout.isTTY === true && options.json !== true;
}
