import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classificationServer,
  expectedOutput,
  type ClassificationServer,
} from "./__fixtures__/classification-server.js";

const child = fileURLToPath(new URL("./__fixtures__/batch-child.mjs", import.meta.url));
let server: ClassificationServer;
let directory: string;
beforeAll(async () => {
  server = await classificationServer({ delay: 10 });
  directory = mkdtempSync(join(tmpdir(), "infer-batch-kill-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

function lines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean) : [];
}

/** Starts the batch in a child process; with `killAfter`, SIGKILLs it once the output has that many lines. */
function run(
  input: string,
  output: string,
  killAfter?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, input, output, server.url, "4"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    let poll: NodeJS.Timeout | undefined;
    if (killAfter !== undefined) {
      poll = setInterval(() => {
        if (lines(output).length >= killAfter) process_.kill("SIGKILL");
      }, 5);
    }
    const deadline = setTimeout(() => process_.kill("SIGKILL"), 60_000);
    process_.on("error", reject);
    process_.on("exit", (code, signal) => {
      clearInterval(poll);
      clearTimeout(deadline);
      resolve({ code, signal });
    });
  });
}

describe("@infer/batch", () => {
  describe("runBatch killed with SIGKILL", () => {
    it("resumes with the same arguments, and every row is in the output exactly once", async () => {
      const count = 400;
      const input = join(directory, "rows.jsonl");
      writeFileSync(
        input,
        Array.from({ length: count }, (_, index) => `${JSON.stringify({ id: index, inputs: `text ${index}` })}\n`).join(
          "",
        ),
      );
      const output = join(directory, "out.jsonl");

      const first = await run(input, output, 60);
      expect(first.signal).toBe("SIGKILL");
      const afterFirst = lines(output).length;
      expect(afterFirst).toBeLessThan(count);

      const second = await run(input, output, afterFirst + 100);
      expect(second.signal).toBe("SIGKILL");

      const last = await run(input, output);
      expect(last.code).toBe(0);
      const rows = lines(output).map((line) => JSON.parse(line) as { id: number; output: unknown });
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((row) => row.id)).size).toBe(count);
      for (const row of rows) expect(row.output).toEqual(expectedOutput(`text ${row.id}`));
      expect(readFileSync(output, "utf8").endsWith("\n")).toBe(true);
    }, 120_000);
  });
});
