import { InferenceInputError } from "@infer/inference";
import { startWorker } from "@infer/queue";

export interface WorkerCommandOptions {
  redis: string;
  queue: string;
  concurrency: string;
  rps?: string;
  endpoint?: string[];
  timeout?: string;
  provider?: string;
  lockDuration: string;
  stalledInterval: string;
}

/** `infer worker`: runs the rows of a BullMQ queue until stopped (SIGINT/SIGTERM let the rows in flight finish). */
export async function workerCommand(options: WorkerCommandOptions): Promise<void> {
  try {
    const running = startWorker({
      redis: options.redis,
      queue: options.queue,
      concurrency: positive(options.concurrency, "--concurrency"),
      rps: options.rps === undefined ? undefined : positive(options.rps, "--rps"),
      endpoints: options.endpoint,
      clientOptions: {
        ...(options.timeout === undefined ? {} : { timeout: positive(options.timeout, "--timeout") }),
        ...(options.provider === undefined ? {} : { provider: options.provider }),
      },
      lockDuration: positive(options.lockDuration, "--lock-duration"),
      stalledInterval: positive(options.stalledInterval, "--stalled-interval"),
    });
    let completed = 0;
    running.worker.on("completed", () => (completed += 1));
    running.worker.on("error", (error) => process.stderr.write(`infer worker: ${error.message}\n`));
    await running.worker.waitUntilReady();
    process.stdout.write(
      `infer worker: processing queue "${options.queue}" (concurrency ${options.concurrency}); Ctrl-C to stop\n`,
    );
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await running.close();
    process.stdout.write(`infer worker: stopped after ${completed} rows\n`);
  } catch (error) {
    process.stderr.write(`infer worker: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = InferenceInputError.isInstance(error) ? 2 : 1;
  }
}

function positive(text: string, argument: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value))
    throw new InferenceInputError({ argument, message: `"${text}" is not a positive number` });
  return value;
}
