import type { Command } from "commander";
import { addCommonOptions } from "../run/common.js";
import { collectList } from "../run/parse.js";

/** `infer status <model>` and `infer models`: the serverless API's look-ups. */
export function register(program: Command): void {
  const status = program
    .command("status")
    .summary("Whether a model is loaded on the serverless API.")
    .description("Whether a model is loaded on the serverless API: {loaded, state, compute_type, framework}.")
    .argument("<model>", "a Hub model id");
  addCommonOptions(status);
  status.addHelpText("after", "\nExample:\n  $ infer status gpt2\n");
  status.action(async (model: string, options: Record<string, unknown>) => {
    const { runStatus } = await import("../run/hub.js");
    await runStatus(model, options);
  });

  const models = program
    .command("models")
    .summary("The models deployed on the serverless API, by task.")
    .description("The models deployed on the serverless API, grouped by task (default: the four main frameworks).")
    .option(
      "--framework <name>",
      'only this framework (repeat the flag, or a comma list; "all" for every one)',
      collectList,
    );
  addCommonOptions(models);
  models.addHelpText("after", "\nExample:\n  $ infer models --framework text-generation-inference\n");
  models.action(async (options: Record<string, unknown>) => {
    const { runModels } = await import("../run/hub.js");
    await runModels(options);
  });
}
