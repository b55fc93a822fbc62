import type { Command } from "commander";
import { addCommonOptions } from "../run/common.js";
import { parseJsonObject } from "../run/parse.js";

/** `infer post`: a raw request to a model, for what no task covers. */
export function register(program: Command): void {
  const command = program
    .command("post")
    .summary("Send a raw request to a model (client.post()) and print the answer.")
    .description(
      "Send a raw request to a model, as client.post() does: a JSON body or raw bytes; prints the answer (JSON, text, or bytes with -o).",
    )
    .optionsGroup("Request:")
    .option("--json <body>", 'the JSON body, e.g. \'{"inputs": "hello"}\'', parseJsonObject)
    .option("--data <file>", "a raw body: a path, an http(s) URL, or - for stdin")
    .option("--task <task>", "the task, for routing and the recommended model (e.g. feature-extraction)")
    .option("-o, --output <file>", "write the answer's body to this file (- for stdout), atomically")
    .option("-f, --force", "overwrite an existing file");
  addCommonOptions(command, { json: false });
  command.addHelpText(
    "after",
    `\nExample:\n  $ infer post --json '{"inputs": "I like you. I love you."}' --model distilbert-base-uncased-finetuned-sst-2-english\n`,
  );
  command.action(async (options: Record<string, unknown>) => {
    const { runPost } = await import("../run/post.js");
    await runPost(options);
  });
}
