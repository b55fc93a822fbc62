import type { Command } from "commander";
import type { WorkerCommandOptions } from "./worker-run.js";

/** `infer worker`: registered here, run from ./worker-run.js, loaded (with BullMQ) only when used. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Process the rows `infer batch --redis` enqueued, on this machine, until stopped.")
    .requiredOption("--redis <url>", "the Redis the queue lives on, e.g. redis://127.0.0.1:6379")
    .option("--queue <name>", "the queue's name", "infer-batch")
    .option("--concurrency <n>", "rows in flight at once in this worker", "8")
    .option("--rps <r>", "most rows started per second by all the queue's workers together")
    .option("--endpoint <url...>", "base URL(s); several replicas are spread with undici's BalancedPool")
    .option("--timeout <ms>", "milliseconds per request")
    .option("--provider <name>", 'who serves the rows: "auto", "hf-inference" or a provider\'s name')
    .option("--lock-duration <ms>", "how long a dead worker's rows stay locked before others take them", "30000")
    .option("--stalled-interval <ms>", "how often to look for a dead worker's rows", "30000")
    .action(async (options: WorkerCommandOptions) => {
      const { workerCommand } = await import("./worker-run.js");
      await workerCommand(options);
    });
}
