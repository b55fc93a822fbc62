import { formatSummary, runBatch } from "@infer/batch";
import { InferenceInputError } from "@infer/inference";
import { runQueueBatch } from "@infer/queue";
import { createProgress } from "./progress.js";

export interface BatchCommandOptions {
  input: string;
  output: string;
  model?: string;
  concurrency: string;
  rps?: string;
  endpoint?: string[];
  order: string;
  format?: string;
  idField: string;
  inputField: string;
  attempts: string;
  timeout?: string;
  provider?: string;
  redis?: string;
  queue: string;
}

/** `infer batch <task>`: a resumable bulk job on this machine, or (with `--redis`) through a BullMQ queue. */
export async function batchCommand(task: string, options: BatchCommandOptions): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const progress = createProgress();
  try {
    const format = options.format === undefined ? {} : { format: options.format as "jsonl" | "csv" };
    if (options.format !== undefined && options.format !== "jsonl" && options.format !== "csv") {
      throw new InferenceInputError({ argument: "--format", message: 'must be "jsonl" or "csv"' });
    }
    if (options.redis) {
      const summary = await runQueueBatch({
        redis: options.redis,
        queue: options.queue,
        task,
        model: options.model,
        input: options.input,
        output: options.output,
        ...format,
        idField: options.idField,
        inputField: options.inputField,
        attempts: number(options.attempts, "--attempts"),
        signal: controller.signal,
        onProgress: (counts) => progress.update(counts.skipped + counts.collected, counts.failed, counts.total),
      });
      progress.stop();
      process.stdout.write(
        `${controller.signal.aborted ? "Stopped" : "Done"}: ${summary.collected} rows through queue "${options.queue}" in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
          `(${summary.rowsPerSecond.toFixed(1)} rows/s), ${summary.skipped} already done before, ${summary.total} in the input\n` +
          `  succeeded ${summary.succeeded}, failed ${summary.failed}\n` +
          Object.entries(summary.failedByError)
            .map(([name, count]) => `    ${name}: ${count}\n`)
            .join(""),
      );
      return controller.signal.aborted ? 130 : 0;
    }
    const timeout = options.timeout === undefined ? {} : { timeout: number(options.timeout, "--timeout") };
    const summary = await runBatch({
      task,
      input: options.input,
      output: options.output,
      model: options.model,
      concurrency: number(options.concurrency, "--concurrency"),
      rps: options.rps === undefined ? undefined : number(options.rps, "--rps"),
      endpoints: options.endpoint,
      order: options.order as "completed" | "input",
      ...format,
      idField: options.idField,
      inputField: options.inputField,
      attempts: number(options.attempts, "--attempts"),
      clientOptions: { ...timeout, ...(options.provider === undefined ? {} : { provider: options.provider }) },
      signal: controller.signal,
      onProgress: (counts) => progress.update(counts.skipped + counts.finished, counts.failed, counts.total),
    });
    progress.stop();
    process.stdout.write(formatSummary(summary));
    return summary.aborted ? 130 : 0;
  } catch (error) {
    progress.stop();
    process.stderr.write(`infer batch: ${error instanceof Error ? error.message : String(error)}\n`);
    return InferenceInputError.isInstance(error) ? 2 : 1;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

function number(text: string, argument: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new InferenceInputError({ argument, message: `"${text}" is not a number` });
  return value;
}
