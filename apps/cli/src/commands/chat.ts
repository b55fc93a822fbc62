import type { Command } from "commander";
import { addCommonOptions } from "../run/common.js";
import { collectList, parseInteger, parseNumber } from "../run/parse.js";

/** `infer chat [message...]`: one message, or a session on a terminal. */
export function register(program: Command): void {
  const command = program
    .command("chat")
    .summary("Chat with a model: one message, or a session with history on a terminal.")
    .description(
      "Chat with a model (OpenAI-style chat completion, as TGI serves it). With a message, prints the answer as it arrives;\n" +
        "without one on a terminal (or with -i), starts a session that keeps the conversation: /exit or Ctrl-D ends it,\n" +
        "Ctrl-C stops the answer being written. With - (or without a message when stdin is not a terminal), the message is read from stdin.",
    )
    .argument("[message...]", "the message (its words are joined with spaces), or - for stdin")
    .optionsGroup("Chat options:")
    .option("-s, --system <text>", "a system message before the conversation")
    .option("-i, --interactive", "a session even when stdin is not a terminal (one message per line)")
    .option("--max-tokens <n>", "the most tokens per answer", parseInteger)
    .option("--temperature <t>", "sampling temperature, ≥ 0", parseNumber)
    .option("--top-p <p>", "nucleus sampling, 0 < p ≤ 1", parseNumber)
    .option("--seed <n>", "random seed", parseInteger)
    .option("--stop <text>", "stop at this sequence (repeat the flag, or a comma list)", collectList)
    .option("--no-stream", "wait for the whole answer instead of printing tokens as they arrive");
  addCommonOptions(command);
  command.addHelpText(
    "after",
    '\nExamples:\n  $ infer chat "What is the capital of France?" --model HuggingFaceH4/zephyr-7b-beta\n  $ infer chat --model http://localhost:8080\n',
  );
  command.action(async (message: string[], options: Record<string, unknown>) => {
    const { runChat } = await import("../run/chat.js");
    await runChat(message, options);
  });
}
