import { InferenceInputError } from "@infer/core";
import { textClassification } from "@infer/task-text-classification";
import { createClient } from "@infer/core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  classificationServer,
  expectedOutput,
  type ClassificationServer,
} from "./__fixtures__/classification-server.js";
import { batch, runBatch } from "./index.js";

let directory: string;
let servers: ClassificationServer[] = [];
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "infer-batch-"));
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  rmSync(directory, { recursive: true, force: true });
});

async function serve(options: Parameters<typeof classificationServer>[0] = {}): Promise<ClassificationServer> {
  const server = await classificationServer(options);
  servers.push(server);
  return server;
}

function writeRows(count: number, name = "rows.jsonl"): string {
  const path = join(directory, name);
  writeFileSync(
    path,
    Array.from(
      { length: count },
      (_, index) => `${JSON.stringify({ id: `r${index}`, inputs: `text ${index}` })}\n`,
    ).join(""),
  );
  return path;
}

function readOutput(path: string): { id: string; output?: unknown; error?: { name: string; message: string } }[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as never);
}

const base = { task: "text-classification", model: "m", clientOptions: { token: false as const } };

describe("@infer/batch", () => {
  describe("runBatch", () => {
    it("writes {id, output} for every row, at most `concurrency` in flight", async () => {
      const server = await serve({ delay: 20 });
      const output = join(directory, "out.jsonl");
      const summary = await runBatch({
        ...base,
        input: writeRows(40),
        output,
        endpoints: [server.url],
        concurrency: 4,
      });
      const rows = readOutput(output);
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((row) => row.id)).size).toBe(40);
      for (const row of rows) expect(row.output).toEqual(expectedOutput(`text ${row.id.slice(1)}`));
      expect(server.maxInFlight()).toBeLessThanOrEqual(4);
      expect(server.maxInFlight()).toBeGreaterThan(1);
      expect(server.requests[0]?.url).toBe("/models/m");
      expect(summary).toMatchObject({ total: 40, finished: 40, succeeded: 40, failed: 0, skipped: 0, aborted: false });
    });

    it("writes rows in input order with order: 'input'", async () => {
      // Even rows answer later than odd ones, so completion order differs from input order.
      const server = await serve({ delay: (text) => (Number(text.split(" ")[1]) % 2 === 0 ? 40 : 0) });
      const output = join(directory, "out.jsonl");
      await runBatch({
        ...base,
        input: writeRows(30),
        output,
        endpoints: [server.url],
        order: "input",
        concurrency: 8,
      });
      expect(readOutput(output).map((row) => row.id)).toEqual(Array.from({ length: 30 }, (_, index) => `r${index}`));
      const completed = join(directory, "completed.jsonl");
      await runBatch({ ...base, input: writeRows(30), output: completed, endpoints: [server.url], concurrency: 8 });
      expect(readOutput(completed).map((row) => row.id)).not.toEqual(
        Array.from({ length: 30 }, (_, index) => `r${index}`),
      );
    });

    it("reads CSV with the id and input columns named", async () => {
      const server = await serve();
      const input = join(directory, "rows.csv");
      writeFileSync(input, 'key,text,other\n7,"hello, world",x\n8,second,y\n');
      const output = join(directory, "out.jsonl");
      await runBatch({ ...base, input, output, idField: "key", inputField: "text", endpoints: [server.url] });
      const rows = readOutput(output).sort((a, b) => a.id.localeCompare(b.id));
      expect(rows).toEqual([
        { id: "7", output: expectedOutput("hello, world") },
        { id: "8", output: expectedOutput("second") },
      ]);
    });

    it("writes {id, error: {name, message}} for a row the server refuses, and counts it by class", async () => {
      const server = await serve({ answer: (text) => (text === "text 3" ? { status: 400 } : undefined) });
      const output = join(directory, "out.jsonl");
      const summary = await runBatch({ ...base, input: writeRows(6), output, endpoints: [server.url] });
      const failed = readOutput(output).find((row) => row.id === "r3");
      expect(failed?.error?.name).toBe("InferenceHTTPError");
      expect(failed?.error?.message).toContain("HTTP 400");
      expect(failed?.error?.message).toContain("refused text 3");
      expect(summary.failedByError).toEqual({ InferenceHTTPError: 1 });
      expect(summary.succeeded).toBe(5);
      expect(server.requests).toHaveLength(6);
    });

    it("honours a 429's Retry-After for every worker at once: nothing new starts during the wait", async () => {
      let refusedAt = 0;
      const server = await serve({
        delay: 10,
        answer: (_text, index) => {
          if (index !== 0) return undefined;
          refusedAt = Date.now();
          return { status: 429, headers: { "retry-after": "1" } };
        },
      });
      const output = join(directory, "out.jsonl");
      const summary = await runBatch({
        ...base,
        input: writeRows(30),
        output,
        endpoints: [server.url],
        concurrency: 6,
      });
      expect(readOutput(output)).toHaveLength(30);
      expect(summary.pauses).toBe(1);
      // One refused request, retried once: 31 requests, not a herd of retries.
      expect(server.arrivals).toHaveLength(31);
      // During the wait only the requests already on the wire when the 429 came back may arrive (at most
      // concurrency - 1); without the shared pause the other 29 rows would all be sent within it.
      const duringWait = server.arrivals.filter((time) => time >= refusedAt && time < refusedAt + 950);
      expect(duringWait.length).toBeLessThanOrEqual(6);
      expect(server.arrivals.filter((time) => time >= refusedAt + 950).length).toBeGreaterThanOrEqual(24);
    });

    it("retries a 503 with the shared backoff and writes the error after the last attempt", async () => {
      const server = await serve({ answer: (text) => (text === "text 0" ? { status: 503 } : undefined) });
      const output = join(directory, "out.jsonl");
      const summary = await runBatch({
        ...base,
        input: writeRows(3),
        output,
        endpoints: [server.url],
        attempts: 3,
        minDelay: 20,
      });
      expect(
        server.requests.filter((request) => (request.json() as { inputs: string }).inputs === "text 0"),
      ).toHaveLength(3);
      expect(readOutput(output).find((row) => row.id === "r0")?.error?.message).toContain("HTTP 503");
      expect(summary.failedByError).toEqual({ InferenceHTTPError: 1 });
    });

    it("caps requests per second", async () => {
      const server = await serve();
      const started = Date.now();
      await runBatch({
        ...base,
        input: writeRows(25),
        output: join(directory, "out.jsonl"),
        endpoints: [server.url],
        rps: 10,
        concurrency: 8,
      });
      // 25 requests at 10/s: the first 10 at once, then 10 a second; 1.5 s is the least a cap allows.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(server.requests).toHaveLength(25);
    });

    it("spreads rows over several endpoint URLs with a BalancedPool", async () => {
      const first = await serve({ delay: 5 });
      const second = await serve({ delay: 5 });
      const output = join(directory, "out.jsonl");
      await runBatch({ ...base, input: writeRows(60), output, endpoints: [first.url, second.url], concurrency: 8 });
      expect(readOutput(output)).toHaveLength(60);
      expect(first.requests.length + second.requests.length).toBe(60);
      expect(first.requests.length).toBeGreaterThan(5);
      expect(second.requests.length).toBeGreaterThan(5);
    });

    it("resumes: skips rows already in the output and cuts a torn last line", async () => {
      const server = await serve();
      const input = writeRows(10);
      const output = join(directory, "out.jsonl");
      writeFileSync(
        output,
        `${JSON.stringify({ id: "r2", output: "earlier" })}\n${JSON.stringify({ id: "r5", error: { name: "X", message: "y" } })}\n`,
      );
      appendFileSync(output, '{"id":"r7","outp');
      const summary = await runBatch({ ...base, input, output, endpoints: [server.url] });
      const rows = readOutput(output);
      expect(rows.map((row) => row.id).sort()).toEqual(Array.from({ length: 10 }, (_, index) => `r${index}`).sort());
      expect(rows.find((row) => row.id === "r2")?.output).toBe("earlier");
      expect(summary).toMatchObject({ skipped: 2, finished: 8, truncatedBytes: 16 });
      expect(server.requests.map((request) => (request.json() as { inputs: string }).inputs).sort()).not.toContain(
        "text 2",
      );
      expect(server.requests).toHaveLength(8);
    });

    it("stops on its signal without writing the rows in flight, and a second run finishes them", async () => {
      const server = await serve({ delay: 30 });
      const input = writeRows(40);
      const output = join(directory, "out.jsonl");
      const controller = new AbortController();
      const first = await runBatch({
        ...base,
        input,
        output,
        endpoints: [server.url],
        concurrency: 4,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.finished === 8) controller.abort();
        },
      });
      expect(first.aborted).toBe(true);
      const written = readOutput(output);
      expect(written.every((row) => row.output !== undefined)).toBe(true);
      expect(written.length).toBeLessThan(40);
      const second = await runBatch({ ...base, input, output, endpoints: [server.url], concurrency: 4 });
      expect(second.skipped).toBe(written.length);
      const ids = readOutput(output).map((row) => row.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    });

    it("rejects duplicate ids, an unknown task and bad settings with InferenceInputError before any request", async () => {
      const server = await serve();
      const input = join(directory, "dup.jsonl");
      writeFileSync(input, '{"id":1,"inputs":"a"}\n{"id":2,"inputs":"b"}\n{"id":1,"inputs":"c"}\n');
      const output = join(directory, "out.jsonl");
      const argument = (promise: Promise<unknown>) =>
        promise.then(
          () => "resolved",
          (error: unknown) => (InferenceInputError.isInstance(error) ? error.argument : String(error)),
        );
      expect(await argument(runBatch({ ...base, input, output, endpoints: [server.url] }))).toBe("input");
      expect(await argument(runBatch({ ...base, task: "no-such-task", input, output, endpoints: [server.url] }))).toBe(
        "task",
      );
      expect(
        await argument(runBatch({ ...base, input: writeRows(2), output, endpoints: [server.url], concurrency: 0 })),
      ).toBe("concurrency");
      expect(await argument(runBatch({ ...base, input: writeRows(2), output, endpoints: [server.url], rps: -1 }))).toBe(
        "rps",
      );
      expect(await argument(runBatch({ ...base, input: join(directory, "missing.jsonl"), output }))).toBe("input");
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("batch", () => {
    it("resolves to the results in input order, with a task function and a client", async () => {
      const server = await serve({ delay: 5 });
      const client = createClient({ token: false, endpoint: server.url, retry: false });
      const rows = Array.from({ length: 12 }, (_, index) => ({ id: index, inputs: `text ${index}` }));
      const results = await batch(client, textClassification, rows, { model: "m", concurrency: 3 });
      expect(results).toEqual(rows.map((row) => ({ id: row.id, output: expectedOutput(row.inputs) })));
    });
  });
});
