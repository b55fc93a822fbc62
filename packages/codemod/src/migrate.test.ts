import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatReport, migrate, runMigrate } from "./index.js";

const fixtures = new URL("./__fixtures__/", import.meta.url);
let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "infer-codemod-"));
  mkdirSync(join(directory, "src", "nested"), { recursive: true });
  mkdirSync(join(directory, "node_modules", "dependency"), { recursive: true });
  cpSync(new URL("fill-mask.input.ts", fixtures), join(directory, "src", "fill-mask.ts"));
  cpSync(new URL("zero-shot-classification.input.js", fixtures), join(directory, "src", "nested", "classify.js"));
  cpSync(new URL("skipped/no-task.ts", fixtures), join(directory, "src", "no-task.ts"));
  cpSync(new URL("fill-mask.input.ts", fixtures), join(directory, "node_modules", "dependency", "index.ts"));
  writeFileSync(join(directory, "src", "plain.ts"), "export const answer = 42;\n");
  writeFileSync(join(directory, "src", "types.d.ts"), 'import { InferenceApi } from "@infer/compat";\n');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const source = (path: string) => readFileSync(join(directory, path), "utf8");

describe("@infer/codemod", () => {
  describe("migrate", () => {
    it("rewrites what it can, lists what it cannot, and skips node_modules and declaration files", async () => {
      const report = await migrate([join(directory, "src")], { cwd: directory });
      expect(report.changed.map((change) => change.path)).toEqual([
        join("src", "fill-mask.ts"),
        join("src", "nested", "classify.js"),
      ]);
      expect(report.skipped).toEqual([
        { path: join("src", "no-task.ts"), reason: expect.stringContaining("no `task` option") },
      ]);
      expect(report.unchanged).toBe(1);
      expect(source("src/fill-mask.ts")).toBe(readFileSync(new URL("fill-mask.output.ts", fixtures), "utf8"));
      expect(source("src/no-task.ts")).toBe(readFileSync(new URL("skipped/no-task.ts", fixtures), "utf8"));
      expect(source("node_modules/dependency/index.ts")).toContain("InferenceApi");
    });

    it("writes nothing with dryRun, and reports unified diffs", async () => {
      const before = source("src/fill-mask.ts");
      const report = await migrate([join(directory, "src", "fill-mask.ts")], { cwd: directory, dryRun: true });
      expect(source("src/fill-mask.ts")).toBe(before);
      const diff = report.changed[0]!.diff;
      expect(diff).toContain("--- a/src/fill-mask.ts\n+++ b/src/fill-mask.ts\n@@ ");
      expect(diff).toContain(
        '-import { InferenceApi } from "@infer/compat";\n+import { InferenceClient } from "@infer/inference";',
      );
      expect(diff).toContain('+const candidates = await inference.fillMask("The goal of life is [MASK].");');
    });

    it("rejects a path that does not exist", async () => {
      await expect(migrate([join(directory, "missing")])).rejects.toThrow(/no such file or directory/);
    });
  });

  describe("formatReport", () => {
    it("prints the diffs on a dry run, then what changed and what was left with its reason", () => {
      const text = formatReport(
        {
          changed: [{ path: "a.ts", diff: "--- a/a.ts\n+++ b/a.ts\n" }],
          skipped: [{ path: "b.ts", reason: "line 3: why" }],
          unchanged: 4,
        },
        { dryRun: true },
      );
      expect(text).toBe(
        "--- a/a.ts\n+++ b/a.ts\nWould rewrite 1 file:\n  a.ts\nLeft 1 file untouched; migrate by hand (see @infer/compat's MIGRATION.md):\n  b.ts: line 3: why\n",
      );
    });
  });

  describe("runMigrate", () => {
    it("prints the report and resolves to 0, or prints the error and resolves to 2", async () => {
      const output: string[] = [];
      const errors: string[] = [];
      const io = { stdout: (text: string) => output.push(text), stderr: (text: string) => errors.push(text) };
      expect(await runMigrate([join(directory, "src")], { dryRun: true, cwd: directory }, io)).toBe(0);
      expect(output.join("")).toContain("Would rewrite 2 files:");
      expect(await runMigrate([join(directory, "nope")], {}, io)).toBe(2);
      expect(errors.join("")).toMatch(/^infer migrate: no such file or directory/);
    });
  });

  describe("infer-migrate (bin)", () => {
    it("parses --dry-run and paths, and prints the diff", async () => {
      const bin = new URL("../dist/bin.js", import.meta.url);
      const { stdout } = await promisify(execFile)(process.execPath, [bin.pathname, "--dry-run", "src"], {
        cwd: directory,
      });
      expect(stdout).toContain("+++ b/src/fill-mask.ts");
      expect(stdout).toContain("Would rewrite 2 files:");
      expect(source("src/fill-mask.ts")).toContain("InferenceApi");
    });
  });
});
