import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  classificationServer,
  expectedOutput,
  type ClassificationServer,
} from "./__fixtures__/classification-server.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "@infer/testing";
import { collectResults, enqueueRows, runQueueBatch, startWorker } from "./index.js";

const workerChild = fileURLToPath(new URL("./__fixtures__/worker-child.mjs", import.meta.url));
let redis: RedisServer;
let directory: string;
let servers: ClassificationServer[] = [];
let queueNumber = 0;
const nextQueue = () => `q${++queueNumber}`;

const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index}`, inputs: `text ${index}` }));

function readOutput(path: string): { id: string; output?: unknown; error?: { name: string; message: string } }[] {
  return existsSync(path)
    ? readFileSync(path, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as never)
    : [];
}

async function serve(options: Parameters<typeof classificationServer>[0] = {}): Promise<ClassificationServer> {
  const server = await classificationServer(options);
  servers.push(server);
  return server;
}

describe.skipIf(!hasRedisServer())("@infer/queue", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    directory = mkdtempSync(join(tmpdir(), "infer-queue-"));
  }, 120_000);
  afterAll(async () => {
    await redis?.stop();
    rmSync(directory, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  describe("enqueueRows, startWorker, collectResults", () => {
    it("runs every row once and collects {id, output} into JSONL; enqueueing again adds no duplicate", async () => {
      const server = await serve({ delay: 5 });
      const queue = nextQueue();
      await enqueueRows({ redis: redis.url, queue, task: "text-classification", model: "m", rows: rows(50) });
      await enqueueRows({ redis: redis.url, queue, task: "text-classification", model: "m", rows: rows(50) });
      const inspect = new Queue(queue, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
      expect(await inspect.count()).toBe(50);
      const worker = startWorker({
        redis: redis.url,
        queue,
        endpoints: [server.url],
        concurrency: 4,
        clientOptions: { token: false },
      });
      const output = join(directory, `${queue}.jsonl`);
      try {
        const counts = await collectResults({ redis: redis.url, queue, sink: { output }, expected: 50 });
        expect(counts).toMatchObject({ collected: 50, succeeded: 50, failed: 0 });
      } finally {
        await worker.close();
      }
      const written = readOutput(output);
      expect(written).toHaveLength(50);
      for (const row of written) expect(row.output).toEqual(expectedOutput(`text ${row.id.slice(1)}`));
      expect(server.requests).toHaveLength(50);
      expect(server.requests[0]?.url).toBe("/models/m");
      // Collected jobs are removed from Redis.
      expect(await inspect.getJobCountByTypes("completed", "failed", "wait", "active")).toBe(0);
      await inspect.close();
    }, 120_000);

    it("writes an error row for a refused row, and rate-limits the whole queue on a 429 without losing the row", async () => {
      const server = await serve({
        answer: (text, index) =>
          index === 0
            ? { status: 429, headers: { "retry-after": "0.3" } }
            : text === "text 4"
              ? { status: 422 }
              : undefined,
      });
      const queue = nextQueue();
      await enqueueRows({ redis: redis.url, queue, task: "text-classification", model: "m", rows: rows(10) });
      const worker = startWorker({
        redis: redis.url,
        queue,
        endpoints: [server.url],
        concurrency: 1,
        clientOptions: { token: false },
      });
      const output = join(directory, `${queue}.jsonl`);
      try {
        const counts = await collectResults({ redis: redis.url, queue, sink: { output }, expected: 10 });
        expect(counts.failedByError).toEqual({ InferenceHTTPError: 1 });
      } finally {
        await worker.close();
      }
      const written = readOutput(output);
      expect(written.map((row) => row.id).sort()).toEqual(
        rows(10)
          .map((row) => row.id)
          .sort(),
      );
      expect(written.find((row) => row.id === "r4")?.error?.message).toContain("HTTP 422");
      // The 429's row was tried again after the queue's wait: 11 requests, the second ≥ 300 ms after the first.
      expect(server.arrivals).toHaveLength(11);
      expect((server.arrivals[1] ?? 0) - (server.arrivals[0] ?? 0)).toBeGreaterThanOrEqual(250);
    }, 120_000);

    it("collects into a Redis stream, each row once", async () => {
      const server = await serve();
      const queue = nextQueue();
      await enqueueRows({ redis: redis.url, queue, task: "text-classification", model: "m", rows: rows(20) });
      const worker = startWorker({
        redis: redis.url,
        queue,
        endpoints: [server.url],
        concurrency: 4,
        clientOptions: { token: false },
      });
      try {
        await collectResults({ redis: redis.url, queue, sink: { stream: `${queue}:results` }, expected: 20 });
      } finally {
        await worker.close();
      }
      const connection = new Redis(redis.url);
      const entries = (await connection.xrange(`${queue}:results`, "-", "+")) as [string, string[]][];
      connection.disconnect();
      expect(entries).toHaveLength(20);
      const parsed = entries.map(([, fields]) => JSON.parse(fields[3] ?? "null") as { id: string; output: unknown });
      expect(new Set(parsed.map((row) => row.id)).size).toBe(20);
      for (const row of parsed) expect(row.output).toEqual(expectedOutput(`text ${row.id.slice(1)}`));
    }, 120_000);
  });

  describe("two worker processes, one killed with SIGKILL mid-run", () => {
    let children: ChildProcess[] = [];
    afterEach(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      children = [];
    });

    function spawnWorker(queue: string, server: ClassificationServer): Promise<ChildProcess> {
      const child = spawn(process.execPath, [workerChild, redis.url, queue, server.url, "4"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        // A worker process loads BullMQ and ioredis: 30 s was not enough at a load average of ~80 on 2 cores.
        const timer = setTimeout(() => reject(new Error("worker did not start")), 120_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) {
            clearTimeout(timer);
            resolve(child);
          }
        });
        child.once("exit", () => reject(new Error("worker exited before it was ready")));
      });
    }

    it("processes every row exactly once in the output", async () => {
      const server = await serve({ delay: 20 });
      const queue = nextQueue();
      const input = join(directory, `${queue}-rows.jsonl`);
      writeFileSync(
        input,
        rows(400)
          .map((row) => `${JSON.stringify(row)}\n`)
          .join(""),
      );
      const output = join(directory, `${queue}.jsonl`);
      const [first] = await Promise.all([spawnWorker(queue, server), spawnWorker(queue, server)]);
      let killed = false;
      const summary = await runQueueBatch({
        redis: redis.url,
        queue,
        task: "text-classification",
        model: "m",
        input,
        output,
        onProgress: (progress) => {
          if (!killed && progress.collected >= 60) {
            killed = true;
            first?.kill("SIGKILL");
          }
        },
      });
      expect(killed).toBe(true);
      expect(
        first?.signalCode ?? (await new Promise((resolve) => first?.once("exit", (_code, signal) => resolve(signal)))),
      ).toBe("SIGKILL");
      expect(summary).toMatchObject({ total: 400, collected: 400, succeeded: 400, failed: 0 });
      const written = readOutput(output);
      expect(written).toHaveLength(400);
      expect(new Set(written.map((row) => row.id)).size).toBe(400);
      for (const row of written) expect(row.output).toEqual(expectedOutput(`text ${row.id.slice(1)}`));
    }, 360_000);
  });
});
