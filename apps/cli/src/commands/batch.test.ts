import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classificationServer,
  expectedOutput,
  type ClassificationServer,
} from "./__fixtures__/classification-server.js";
import { hasRedisServer, startRedisServer } from "@infer/testing";

const main = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
let server: ClassificationServer;
let directory: string;
beforeAll(async () => {
  server = await classificationServer({ delay: 2 });
  directory = mkdtempSync(join(tmpdir(), "infer-cli-batch-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

function infer(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      { timeout: 60_000, env: { ...process.env, HF_TOKEN: "" } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const lines = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; output?: unknown });

describe("@infer/cli", () => {
  describe("infer batch", () => {
    it("runs a CSV through a task into JSONL in input order, prints the summary, and skips everything when run again", async () => {
      const input = join(directory, "rows.csv");
      writeFileSync(
        input,
        `key,text\n${Array.from({ length: 20 }, (_, index) => `k${index},"text ${index}"`).join("\n")}\n`,
      );
      const output = join(directory, "out.jsonl");
      const args = [
        "batch",
        "text-classification",
        "--input",
        input,
        "--output",
        output,
        "--model",
        "m",
        "--endpoint",
        server.url,
        "--id-field",
        "key",
        "--input-field",
        "text",
        "--order",
        "input",
        "--concurrency",
        "4",
      ];
      const first = await infer(args);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^Done: 20 rows in \d+\.\d s \(\d+\.\d rows\/s\), 20 in the input\n {2}succeeded 20, failed 0\n$/,
      );
      const rows = lines(output);
      expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, index) => `k${index}`));
      expect(rows[3]?.output).toEqual(expectedOutput("text 3"));
      const again = await infer(args);
      expect(again.stdout).toContain("Done: 0 rows");
      expect(again.stdout).toContain("20 already done before");
      expect(lines(output)).toHaveLength(20);
    }, 180_000);

    it("routes the rows through --provider: hf-inference answers, an unknown provider is an error row sent nowhere", async () => {
      const input = join(directory, "provider.jsonl");
      writeFileSync(
        input,
        Array.from({ length: 5 }, (_, index) => `${JSON.stringify({ id: index, inputs: `text ${index}` })}\n`).join(""),
      );
      const served = join(directory, "provider-served.jsonl");
      const ok = await infer([
        "batch",
        "text-classification",
        "--input",
        input,
        "--output",
        served,
        "--model",
        "m",
        "--endpoint",
        server.url,
        "--provider",
        "hf-inference",
      ]);
      expect(ok.code).toBe(0);
      expect(lines(served).find((row) => String(row.id) === "2")?.output).toEqual(expectedOutput("text 2"));
      const before = server.requests.length;
      const refused = join(directory, "provider-refused.jsonl");
      const result = await infer([
        "batch",
        "text-classification",
        "--input",
        input,
        "--output",
        refused,
        "--model",
        "m",
        "--endpoint",
        server.url,
        "--provider",
        "no-such-provider",
      ]);
      expect(result.code).toBe(0);
      const rows = readFileSync(refused, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { error?: { name: string; message: string } });
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        expect(row.error?.name).toBe("InferenceInputError");
        expect(row.error?.message).toContain("no-such-provider");
      }
      expect(server.requests.length).toBe(before);
    }, 180_000);

    it("exits 2 naming the argument for bad input", async () => {
      const result = await infer([
        "batch",
        "text-classification",
        "--input",
        join(directory, "missing.jsonl"),
        "--output",
        join(directory, "x.jsonl"),
        "--endpoint",
        server.url,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Invalid argument `input`");
      const badNumber = await infer([
        "batch",
        "text-classification",
        "--input",
        join(directory, "missing.jsonl"),
        "--output",
        join(directory, "x.jsonl"),
        "--concurrency",
        "many",
      ]);
      expect(badNumber.code).toBe(2);
      expect(badNumber.stderr).toContain("--concurrency");
    }, 180_000);
  });

  describe.skipIf(!hasRedisServer())("infer worker with infer batch --redis", () => {
    it("processes the queued rows in a separate worker process", async () => {
      const redis = await startRedisServer();
      const worker = spawn(
        process.execPath,
        [main, "worker", "--redis", redis.url, "--queue", "cli", "--endpoint", server.url, "--concurrency", "4"],
        {
          stdio: ["ignore", "pipe", "inherit"],
          env: { ...process.env, HF_TOKEN: "" },
        },
      );
      let workerOutput = "";
      worker.stdout?.on("data", (chunk: Buffer) => (workerOutput += chunk.toString()));
      try {
        const input = join(directory, "queued.jsonl");
        writeFileSync(
          input,
          Array.from({ length: 30 }, (_, index) => `${JSON.stringify({ id: index, inputs: `text ${index}` })}\n`).join(
            "",
          ),
        );
        const output = join(directory, "queued-out.jsonl");
        const result = await infer([
          "batch",
          "text-classification",
          "--input",
          input,
          "--output",
          output,
          "--model",
          "m",
          "--redis",
          redis.url,
          "--queue",
          "cli",
        ]);
        expect(result.stderr).toBe("");
        expect(result.stdout).toContain('Done: 30 rows through queue "cli"');
        const rows = lines(output);
        expect(new Set(rows.map((row) => row.id)).size).toBe(30);
        expect(rows.find((row) => String(row.id) === "7")?.output).toEqual(expectedOutput("text 7"));
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.kill("SIGTERM");
        await exited;
        expect(workerOutput).toContain("infer worker: stopped after 30 rows");
      } finally {
        if (worker.exitCode === null) worker.kill("SIGKILL");
        await redis.stop();
      }
    }, 120_000);
  });
});
