/**
 * The processes of the bulk benchmark, one role each:
 *   node bulk-runner.js server                          the local server (@infer/server); prints {"url"}
 *   node bulk-runner.js batch <input> <output> <url> <concurrency>        runBatch on this machine; prints the summary
 *   node bulk-runner.js worker <redis> <queue> <url> <concurrency>        a queue worker until SIGTERM
 *   node bulk-runner.js queue-batch <redis> <queue> <input> <output>      enqueue + collect; prints the summary
 */
import { runBatch } from "@infer/batch";
import { runQueueBatch, startWorker } from "@infer/queue";
import { startServer } from "@infer/server";

export const BULK_MODEL = "infer/lexicon-sentiment";

const [role, ...args] = process.argv.slice(2) as [string, ...string[]];
const arg = (index: number): string => {
  const value = args[index];
  if (value === undefined) throw new Error(`bulk-runner ${role}: argument ${index + 1} is missing`);
  return value;
};

if (role === "server") {
  const server = await startServer({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.on("SIGTERM", () => process.exit(0));
} else if (role === "batch") {
  const summary = await runBatch({
    task: "text-classification",
    model: BULK_MODEL,
    input: arg(0),
    output: arg(1),
    endpoints: [arg(2)],
    concurrency: Number(arg(3)),
    clientOptions: { token: false },
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else if (role === "worker") {
  const running = startWorker({
    redis: arg(0),
    queue: arg(1),
    endpoints: [arg(2)],
    concurrency: Number(arg(3)),
    clientOptions: { token: false },
  });
  await running.worker.waitUntilReady();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
} else if (role === "queue-batch") {
  const summary = await runQueueBatch({
    redis: arg(0),
    queue: arg(1),
    task: "text-classification",
    model: BULK_MODEL,
    input: arg(2),
    output: arg(3),
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  throw new Error(`bulk-runner: unknown role ${role}`);
}
