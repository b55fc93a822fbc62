#!/usr/bin/env node
import { Command } from "commander";
import { runMigrate } from "./migrate.js";

const program = new Command("infer-migrate")
  .description("Rewrite legacy InferenceApi code (@infer/compat) to InferenceClient calls (@infer/inference).")
  .argument("<paths...>", "files and directories to rewrite")
  .option("--dry-run", "print a unified diff and change nothing", false)
  .action(async (paths: string[], options: { dryRun: boolean }) => {
    process.exitCode = await runMigrate(
      paths,
      { dryRun: options.dryRun },
      {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      },
    );
  });

await program.parseAsync();
