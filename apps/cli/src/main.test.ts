import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const legacySource = `import { InferenceApi } from "@infer/compat";

const generator = new InferenceApi("gpt2", { task: "text-generation" });
console.log((await generator("Once upon a time", { max_new_tokens: 20 }))[0].generated_text);
`;

/** Runs the built CLI as a user would, and resolves to its exit code and output. */
function infer(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { cwd, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("@infer/cli", () => {
  describe("infer migrate", () => {
    it("prints a unified diff with --dry-run and changes nothing", async () => {
      const directory = mkdtempSync(join(tmpdir(), "infer-cli-"));
      try {
        writeFileSync(join(directory, "generate.ts"), legacySource);
        const { code, stdout } = await infer(["migrate", "--dry-run", "."], directory);
        expect(code).toBe(0);
        expect(stdout).toContain("--- a/generate.ts\n+++ b/generate.ts");
        expect(stdout).toContain('+import { InferenceClient } from "@infer/inference";');
        expect(stdout).toContain("Would rewrite 1 file:\n  generate.ts\n");
        expect(readFileSync(join(directory, "generate.ts"), "utf8")).toBe(legacySource);

        const written = await infer(["migrate", "generate.ts"], directory);
        expect(written.stdout).toBe("Rewrote 1 file:\n  generate.ts\n");
        expect(readFileSync(join(directory, "generate.ts"), "utf8")).toContain(
          'console.log(await generator.textGeneration("Once upon a time", { maxNewTokens: 20 }));',
        );
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it("exits 2 with a message for a path that does not exist, and 1 without paths", async () => {
      const missing = await infer(["migrate", "no/such/path"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("no such file or directory: no/such/path");
      const noPaths = await infer(["migrate"]);
      expect(noPaths.code).toBe(1);
      expect(noPaths.stderr).toContain("missing required argument");
    });
  });

  describe("infer --help", () => {
    it("lists the commands", async () => {
      const { code, stdout } = await infer(["--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/migrate \[options\] <paths\.\.\.>/);
      expect(stdout).toMatch(/demo/);
    });
  });
});
