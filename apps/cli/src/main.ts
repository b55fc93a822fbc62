#!/usr/bin/env node
import { runMigrate } from "@infer/codemod";
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { runDemo } from "./demo.js";
import { registerBatchCommand } from "./commands/batch.js";
import { registerWorkerCommand } from "./commands/worker.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("infer").description("The @infer command line.").version(version);

program
  .command("migrate")
  .description("Rewrite legacy InferenceApi code (@infer/compat) to InferenceClient calls (@infer/inference).")
  .argument("<paths...>", "files and directories to rewrite (node_modules, dist and hidden directories are skipped)")
  .option("--dry-run", "print a unified diff and change nothing", false)
  .action(async (paths: string[], options: { dryRun: boolean }) => {
    process.exitCode = await runMigrate(paths, { dryRun: options.dryRun }, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  });

program
  .command("demo")
  .description("Start the local stand-in server, call it with an InferenceClient, print the results, and stop.")
  .action(async () => {
    try {
      await runDemo((text) => process.stdout.write(text));
    } catch (error) {
      process.stderr.write(`infer demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  });

registerBatchCommand(program);
registerWorkerCommand(program);

await program.parseAsync();
