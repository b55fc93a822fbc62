import { createTwoFilesPatch } from "diff";
import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { collectFiles } from "./files.js";
import { transformSource } from "./transform.js";

/** Options of `migrate()`. */
export interface MigrateOptions {
  /**
   * Only report: compute each change as a unified diff and write nothing.
   * @default false
   */
  dryRun?: boolean;
  /**
   * Directory the reported paths are relative to.
   * @default process.cwd()
   */
  cwd?: string;
}

/** What `migrate()` did, file by file. */
export interface MigrateReport {
  /** Files rewritten (or, with `dryRun`, that would be), each with its unified diff. */
  changed: { path: string; diff: string }[];
  /** Files that use `InferenceApi` in a way the codemod cannot rewrite safely; left untouched. */
  skipped: { path: string; reason: string }[];
  /** How many files were read that do not use `InferenceApi`. */
  unchanged: number;
}

/**
 * Rewrites the legacy `InferenceApi` code in files and directories (walked recursively, skipping
 * `node_modules`, `dist` and hidden directories) to `InferenceClient` calls.
 * @example const report = await migrate(["src"], { dryRun: true });
 */
export async function migrate(paths: readonly string[], options: MigrateOptions = {}): Promise<MigrateReport> {
  const cwd = options.cwd ?? process.cwd();
  const report: MigrateReport = { changed: [], skipped: [], unchanged: 0 };
  for (const file of await collectFiles(paths)) {
    const name = relative(cwd, file) || file;
    const before = await readFile(file, "utf8");
    const result = transformSource(before, file);
    if (result.kind === "unchanged") report.unchanged++;
    else if (result.kind === "skipped") report.skipped.push({ path: name, reason: result.reason });
    else {
      report.changed.push({ path: name, diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, before, result.output) });
      if (!options.dryRun) await writeFile(file, result.output);
    }
  }
  return report;
}

/** The report as a person reads it: diffs first (with `dryRun`), then what changed and what was left. */
export function formatReport(report: MigrateReport, { dryRun = false }: { dryRun?: boolean } = {}): string {
  const lines: string[] = [];
  if (dryRun) for (const { diff } of report.changed) lines.push(diff.trimEnd());
  const verb = dryRun ? "Would rewrite" : "Rewrote";
  lines.push(
    `${verb} ${report.changed.length} file${report.changed.length === 1 ? "" : "s"}${report.changed.length ? ":" : "."}`,
  );
  for (const { path } of report.changed) lines.push(`  ${path}`);
  if (report.skipped.length > 0) {
    lines.push(
      `Left ${report.skipped.length} file${report.skipped.length === 1 ? "" : "s"} untouched; migrate by hand (see @infer/compat's MIGRATION.md):`,
    );
    for (const { path, reason } of report.skipped) lines.push(`  ${path}: ${reason}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Runs the `migrate` command: prints the report and resolves to the process exit code. */
export async function runMigrate(
  paths: readonly string[],
  options: MigrateOptions,
  output: { stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<number> {
  try {
    const report = await migrate(paths, options);
    output.stdout(formatReport(report, { dryRun: options.dryRun ?? false }));
    return 0;
  } catch (error) {
    output.stderr(`infer migrate: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
