import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { infer as run } from "./__fixtures__/run-cli.js";
import { flagName } from "./tasks/spec.js";
import { TASKS } from "./tasks/tasks.js";

const legacySource = `import { InferenceApi } from "@infer/compat";

const generator = new InferenceApi("gpt2", { task: "text-generation" });
console.log((await generator("Once upon a time", { max_new_tokens: 20 }))[0].generated_text);
`;

/** Runs the built CLI as a user would, and resolves to its exit code and output. */
async function infer(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await run(args, cwd === undefined ? {} : { cwd });
  return { code: result.code ?? 1, stdout: result.text, stderr: result.stderr };
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

    it("exits 2 with a message for a path that does not exist, and without paths", async () => {
      const missing = await infer(["migrate", "no/such/path"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("no such file or directory: no/such/path");
      const noPaths = await infer(["migrate"]);
      expect(noPaths.code).toBe(2);
      expect(noPaths.stderr).toContain("missing required argument");
    });
  });

  describe("infer --help", () => {
    it("lists the tasks grouped by domain, then the other commands", async () => {
      const { code, stdout } = await infer(["--help"]);
      expect(code).toBe(0);
      for (const task of TASKS) {
        const heading = stdout.indexOf(`\n${task.domain}:\n`);
        expect(heading).toBeGreaterThan(-1);
        const section = stdout.slice(heading + 1).split("\n\n")[0]!;
        expect(section).toMatch(new RegExp(`\\n  ${task.name} \\[options\\]`));
      }
      expect(stdout).toMatch(/Other commands:\n(.*\n)* {2}chat \[options\] \[message\.\.\.\]/);
      expect(stdout).toMatch(/migrate \[options\] <paths\.\.\.>/);
      expect(stdout).toMatch(/\n {2}demo /);
      for (const command of ["post", "serve", "status", "models"]) expect(stdout).toContain(`\n  ${command} `);
    });

    it("prints the package's real version", async () => {
      const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
        version: string;
      };
      const { code, stdout } = await infer(["--version"]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
      expect(version).not.toBe("0.0.0");
    });
  });

  describe.concurrent("infer <task> --help", () => {
    for (const task of TASKS) {
      it(`${task.name}: its inputs, every option and an example`, async () => {
        const { code, stdout } = await infer([task.name, "--help"]);
        expect(code).toBe(0);
        expect(stdout).toContain(`Usage: infer ${task.name} [options]`);
        for (const input of task.inputs) expect(stdout).toMatch(new RegExp(`Arguments:\\n(.*\\n)*  ${input.name} `));
        for (const option of task.options) expect(stdout).toContain(`--${flagName(option.key)}`);
        for (const common of ["--model", "--provider", "--endpoint", "--token", "--timeout", "--json"])
          expect(stdout).toContain(common);
        expect(stdout).toContain(`Example:\n  $ infer ${task.name} `);
      });
    }
  });
});
