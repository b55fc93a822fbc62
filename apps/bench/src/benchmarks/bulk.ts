import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startRedisServer } from "@infer/testing";
import type { BenchContext, BenchmarkReport } from "../context.js";
import { markdownTable } from "../markdown.js";

const runner = fileURLToPath(new URL("../runners/bulk-runner.js", import.meta.url));
/** `INFER_BULK_WORKERS=2` (comma-separated) runs only those worker counts. */
const WORKER_COUNTS = (process.env.INFER_BULK_WORKERS ?? "1,2,4")
  .split(",")
  .map(Number)
  .filter((workers) => workers > 0);
const BATCH_CONCURRENCY = 16;
const WORKER_CONCURRENCY = 8;

const phrases = [
  "I love this",
  "this is terrible",
  "not bad at all",
  "what a great day",
  "the worst service ever",
  "quite good",
  "awful, simply awful",
  "brilliant work",
];

interface Role {
  child: ChildProcess;
  /** The first JSON line the process printed. */
  first: Promise<Record<string, unknown>>;
  /** Its last JSON line, once it exits. */
  done: Promise<{ line: Record<string, unknown> | undefined; signal: NodeJS.Signals | null; code: number | null }>;
}

function startRole(role: string, args: string[]): Role {
  const child = spawn(process.execPath, [runner, role, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  let resolveFirst: (value: Record<string, unknown>) => void = () => {};
  const first = new Promise<Record<string, unknown>>((resolve) => (resolveFirst = resolve));
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const line = output.split("\n").find((text) => text.startsWith("{"));
    if (line) resolveFirst(JSON.parse(line) as Record<string, unknown>);
  });
  const done = new Promise<{
    line: Record<string, unknown> | undefined;
    signal: NodeJS.Signals | null;
    code: number | null;
  }>((resolve) => {
    child.once("exit", (code, signal) => {
      const last = output
        .trim()
        .split("\n")
        .filter((text) => text.startsWith("{"))
        .at(-1);
      resolve({ line: last ? (JSON.parse(last) as Record<string, unknown>) : undefined, signal, code });
    });
  });
  return { child, first, done };
}

async function timed(role: string, args: string[]): Promise<{ seconds: number; summary: Record<string, unknown> }> {
  const started = performance.now();
  const { done } = startRole(role, args);
  const { line, code } = await done;
  if (code !== 0 || !line) throw new Error(`bulk ${role} exited with ${code}`);
  return { seconds: (performance.now() - started) / 1000, summary: line };
}

/** Output rows by id; throws on a duplicate id. */
function readResults(path: string): Map<string, string> {
  const results = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line) continue;
    const row = JSON.parse(line) as { id: unknown; output?: unknown; error?: unknown };
    const key = JSON.stringify(row.id);
    if (results.has(key)) throw new Error(`${path}: id ${key} twice`);
    results.set(key, JSON.stringify(row.output ?? { error: row.error }));
  }
  return results;
}

function sameResults(left: Map<string, string>, right: Map<string, string>): boolean {
  if (left.size !== right.size) return false;
  for (const [key, value] of left) if (right.get(key) !== value) return false;
  return true;
}

/** The bulk benchmark: a 100,000-row job on one machine, killed and resumed, and through 1, 2 and 4 queue workers. */
export async function benchmarkBulk(context: BenchContext): Promise<BenchmarkReport> {
  const count = Number(process.env.INFER_BULK_ROWS) || (context.quick ? 5_000 : 100_000);
  const directory = mkdtempSync(join(tmpdir(), "infer-bench-bulk-"));
  const input = join(directory, "rows.jsonl");
  writeFileSync(
    input,
    Array.from(
      { length: count },
      (_, index) => `${JSON.stringify({ id: index, inputs: `${phrases[index % phrases.length]} #${index}` })}\n`,
    ).join(""),
  );
  const server = startRole("server", []);
  const url = String((await server.first).url);
  const redis = await startRedisServer();
  const table: string[][] = [];
  try {
    context.log(`  bulk: ${count} rows, one machine, concurrency ${BATCH_CONCURRENCY}`);
    const reference = join(directory, "one-machine.jsonl");
    const one = await timed("batch", [input, reference, url, String(BATCH_CONCURRENCY)]);
    const expected = readResults(reference);
    if (expected.size !== count) throw new Error(`one-machine run wrote ${expected.size} of ${count} rows`);
    table.push([
      "`runBatch`, one process",
      `concurrency ${BATCH_CONCURRENCY}`,
      String(count),
      one.seconds.toFixed(1),
      (count / one.seconds).toFixed(0),
      "(reference)",
    ]);

    context.log("  bulk: killed with SIGKILL at about 40 %, then resumed");
    const resumed = join(directory, "resumed.jsonl");
    const killAt = statSync(reference).size * 0.4;
    const started = performance.now();
    const first = startRole("batch", [input, resumed, url, String(BATCH_CONCURRENCY)]);
    const poll = setInterval(() => {
      try {
        if (statSync(resumed).size >= killAt) first.child.kill("SIGKILL");
      } catch {}
    }, 20);
    const killed = await first.done;
    clearInterval(poll);
    if (killed.signal !== "SIGKILL") throw new Error("the run ended before it was killed");
    const beforeKill = readFileSync(resumed, "utf8").split("\n").filter(Boolean).length;
    const second = await timed("batch", [input, resumed, url, String(BATCH_CONCURRENCY)]);
    const seconds = (performance.now() - started) / 1000;
    const identical = sameResults(expected, readResults(resumed));
    table.push([
      "`runBatch`, SIGKILL at 40 % + resume",
      `concurrency ${BATCH_CONCURRENCY}`,
      String(count),
      seconds.toFixed(1),
      (count / seconds).toFixed(0),
      `${identical ? "yes" : "**no**"} (${beforeKill} rows before the kill, ${String(second.summary.skipped)} skipped on resume, torn bytes cut: ${String(second.summary.truncatedBytes)})`,
    ]);

    for (const workers of WORKER_COUNTS) {
      context.log(`  bulk: queue with ${workers} worker process(es)`);
      const queue = `bench-${workers}`;
      const processes = Array.from({ length: workers }, () =>
        startRole("worker", [redis.url, queue, url, String(WORKER_CONCURRENCY)]),
      );
      await Promise.all(processes.map((process_) => process_.first));
      const output = join(directory, `queue-${workers}.jsonl`);
      const run = await timed("queue-batch", [redis.url, queue, input, output]);
      for (const process_ of processes) process_.child.kill("SIGTERM");
      await Promise.all(processes.map((process_) => process_.done));
      table.push([
        `\`runQueueBatch\` + ${workers} \`startWorker\` process${workers > 1 ? "es" : ""}`,
        `${workers} × concurrency ${WORKER_CONCURRENCY}`,
        String(count),
        run.seconds.toFixed(1),
        (count / run.seconds).toFixed(0),
        sameResults(expected, readResults(output)) ? "yes" : "**no**",
      ]);
    }
  } finally {
    server.child.kill("SIGTERM");
    await redis.stop();
    rmSync(directory, { recursive: true, force: true });
  }
  const markdown = [
    "## 6. Bulk inference (`@infer/batch`, `@infer/queue`)",
    "",
    `A ${count.toLocaleString("en-US")}-row text-classification job (\`${"infer/lexicon-sentiment"}\`) against the local server ` +
      "(`@infer/server`, its own process), every role in a process of its own: the one-machine `runBatch`, the same run " +
      "SIGKILLed once its output reaches 40 % and started again with the same arguments, and the producer/collector " +
      "`runQueueBatch` with 1, 2 and 4 BullMQ worker processes on a fresh loopback `redis-server`. Seconds are wall time " +
      "from start to the last row written (the queue's include enqueueing). \"Identical\" compares every row's output, by id, " +
      "with the one-machine run, and fails on a missing or repeated id. On this 2-core machine the server, redis, the " +
      "workers and the collector share the cores, so more workers do not add CPU: the numbers show the overhead and " +
      "the scaling limit of one box, not of a cluster.",
    "",
    markdownTable(["run", "in flight", "rows", "seconds", "rows/s", "identical output"], table),
  ].join("\n");
  return { markdown, headline: [] };
}
