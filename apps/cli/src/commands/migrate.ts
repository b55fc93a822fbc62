import type { Command } from "commander";

/** `infer migrate`: the codemod (ts-morph is loaded only when it runs). */
export function register(program: Command): void {
  program
    .command("migrate")
    .summary("Rewrite legacy InferenceApi code to InferenceClient calls.")
    .description("Rewrite legacy InferenceApi code (@infer/compat) to InferenceClient calls (@infer/inference).")
    .argument("<paths...>", "files and directories to rewrite (node_modules, dist and hidden directories are skipped)")
    .option("--dry-run", "print a unified diff and change nothing", false)
    .action(async (paths: string[], options: { dryRun: boolean }) => {
      const { runMigrate } = await import("@infer/codemod");
      process.exitCode = await runMigrate(
        paths,
        { dryRun: options.dryRun },
        {
          stdout: (text) => process.stdout.write(text),
          stderr: (text) => process.stderr.write(text),
        },
      );
    });
}
