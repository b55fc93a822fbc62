import { Option, type Command } from "commander";
import { addCommonOptions } from "../run/common.js";
import { collectList, parseInteger, parseJsonObject, parseNumber } from "../run/parse.js";
import { flagName, type Domain, type OptionSpec, type TaskSpec } from "../tasks/spec.js";
import { TASKS } from "../tasks/tasks.js";

const DOMAINS: readonly Domain[] = ["Natural language processing", "Audio", "Computer vision", "Multimodal", "Tabular"];

/** One command per task, `infer <task> <inputs...> [options]`, listed by domain in `infer --help`. */
export function register(program: Command): void {
  for (const domain of DOMAINS) {
    program.commandsGroup(`${domain}:`);
    for (const spec of TASKS.filter((task) => task.domain === domain)) registerTask(program, spec);
  }
}

function registerTask(program: Command, spec: TaskSpec): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(`${spec.summary}\nThe ${spec.method}() task of @infer/inference.`);
  for (const input of spec.inputs) {
    const variadic = input.kind === "list" || input.kind === "texts";
    command.argument(`<${input.name}${variadic ? "..." : ""}>`, input.description);
  }
  if (spec.options.length > 0) command.optionsGroup("Task options:");
  for (const option of spec.options) command.addOption(taskOption(option));
  if (spec.streams) command.option("--stream", "print tokens as they arrive (with --json: one JSON value per line)");
  if (spec.output === "binary" || spec.output === "segments") {
    command.optionsGroup("Output:");
    command.option(
      "-o, --output <file>",
      spec.output === "segments"
        ? "write the masks as PNG files in this directory"
        : "write the result to this file (- for stdout), atomically",
    );
    command.option("-f, --force", "overwrite an existing file");
  }
  addCommonOptions(command);
  command.addHelpText("after", `\nExample:\n  $ ${spec.example}\n`);
  command.action(async (...args: unknown[]) => {
    const options = (args.at(-1) as Command).opts();
    const { runTask } = await import("../run/run-task.js");
    await runTask(spec, args.slice(0, spec.inputs.length), options);
  });
}

function taskOption(option: OptionSpec): Option {
  const flag = `--${flagName(option.key)}`;
  if (option.type === "boolean") return new Option(flag, option.description);
  const result = new Option(`${flag} ${option.placeholder ?? "<value>"}`, option.description);
  if (option.type === "number") result.argParser(parseNumber);
  else if (option.type === "integer") result.argParser(parseInteger);
  else if (option.type === "list") result.argParser(collectList);
  else if (option.type === "json") result.argParser(parseJsonObject);
  return result;
}
