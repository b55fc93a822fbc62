import type { Command } from "commander";

/** `infer demo`: runs ../demo.ts (loaded only when asked for). */
export function register(program: Command): void {
  program
    .command("demo")
    .summary("Call the local server with an InferenceClient and print the results.")
    .description("Start the local server, call it with an InferenceClient, print the results, and stop.")
    .action(async () => {
      const { runDemo } = await import("../demo.js");
      try {
        await runDemo((text) => process.stdout.write(text));
      } catch (error) {
        process.stderr.write(`infer demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    });
}
