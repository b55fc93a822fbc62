import { printJson } from "../io/json.js";
import { startActivity } from "./activity.js";
import { createClient, prettyOutput, type CommonOptions } from "./common.js";
import { onInterrupt } from "./interrupt.js";

async function withClient<T>(
  label: string,
  options: CommonOptions,
  run: (client: Awaited<ReturnType<typeof createClient>>) => Promise<T>,
): Promise<void> {
  const interrupt = onInterrupt();
  const activity = await startActivity(label);
  try {
    const result = await run(await createClient(options, interrupt.signal));
    activity.stop();
    printJson(result, prettyOutput(options));
  } finally {
    activity.stop();
    interrupt.dispose();
  }
}

export async function runStatus(model: string, options: CommonOptions): Promise<void> {
  await withClient(`status of ${model}`, options, (client) => client.getModelStatus(model));
}

export async function runModels(options: CommonOptions & { framework?: string[] }): Promise<void> {
  const frameworks = options.framework?.includes("all") ? "all" : options.framework;
  await withClient("deployed models", options, (client) => client.listDeployedModels(frameworks));
}
