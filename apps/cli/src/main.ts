#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { register as chat } from "./commands/chat.js";
import { register as demo } from "./commands/demo.js";
import { register as hub } from "./commands/hub.js";
import { register as migrate } from "./commands/migrate.js";
import { register as post } from "./commands/post.js";
import { register as serve } from "./commands/serve.js";
import { register as tasks } from "./commands/tasks.js";
import { errorMessage, EXIT, exitCodeFor } from "./errors.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("infer")
  .description("Try any model from the shell: every @infer task, chat, the local server, the Hub's look-ups.")
  .version(version, "-V, --version", "print the version of @infer/cli")
  .showSuggestionAfterError()
  // Usage errors are thrown, not exited on, so they get exit code 2 below; subcommands inherit this.
  .exitOverride()
  .addHelpText("after", "\nRun `infer <command> --help` for a command's inputs, options and an example.\nExit codes: 0 ok, 2 bad usage or input, 3 HTTP error, 4 timeout, 130 interrupted.\n");

// One module per command group: adding a command is one line here.
tasks(program);
program.commandsGroup("Other commands:");
for (const register of [chat, post, serve, hub, migrate, demo]) register(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help, or the version) already.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = exitCodeFor(error);
    process.stderr.write(`infer: ${errorMessage(error)}\n`);
  }
}
