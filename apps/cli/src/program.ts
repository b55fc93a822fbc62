import { Command, CommanderError } from "commander";
import { register as chat } from "./commands/chat.js";
import { register as demo } from "./commands/demo.js";
import { register as hub } from "./commands/hub.js";
import { register as migrate } from "./commands/migrate.js";
import { register as post } from "./commands/post.js";
import { register as serve } from "./commands/serve.js";
import { register as tasks } from "./commands/tasks.js";
import { registerWorkerCommand as worker } from "./commands/worker.js";
import { registerBatchCommand as batch } from "./commands/batch.js";
import { errorMessage, EXIT, exitCodeFor } from "./errors.js";

/** The commands after the tasks, one module per group: adding a command is one line here. */
const OTHER_COMMANDS = [chat, post, serve, hub, batch, worker, migrate, demo];

/** The `infer` program. Each command's module loads its heavy dependencies only when it runs. */
export function createProgram(version: string): Command {
  const program = new Command("infer")
    .description("Try any model from the shell: every @infer task, chat, the local server, the Hub's look-ups.")
    .version(version, "-V, --version", "print the version of @infer/cli")
    .showSuggestionAfterError()
    // Usage errors are thrown instead of exiting, so they get exit code 2 (run() below); subcommands inherit it.
    .exitOverride()
    .addHelpText(
      "after",
      "\nRun `infer <command> --help` for a command's inputs, options and an example.\n" +
        "Exit codes: 0 ok, 2 bad usage or input, 3 HTTP error, 4 timeout, 130 interrupted.\n",
    );
  tasks(program);
  program.commandsGroup("Other commands:");
  for (const register of OTHER_COMMANDS) register(program);
  program.helpCommand("help [command]", "show the help of a command");
  return program;
}

/** Runs `infer` on `process.argv`, setting `process.exitCode`. */
export async function run(version: string): Promise<void> {
  try {
    await createProgram(version).parseAsync();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help, or the version) already.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      process.exitCode = exitCodeFor(error);
      process.stderr.write(`infer: ${errorMessage(error)}\n`);
    }
  }
}
