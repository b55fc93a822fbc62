import { checkRows, readRows, ResultWriter, type BatchRow, type InputFormat } from "@infer/batch";
import type { RedisConnection } from "./connection.js";
import { collectResults, type CollectCounts } from "./collector.js";
import { enqueueRows } from "./producer.js";

/** Options of `runQueueBatch()`. */
export interface QueueBatchOptions extends InputFormat {
  redis: RedisConnection;
  queue: string;
  task: string;
  model?: string | undefined;
  /** A JSONL or CSV file. */
  input: string;
  /** The JSONL output, also the checkpoint: run again with the same arguments to resume. */
  output: string;
  attempts?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: { total: number; skipped: number; collected: number; failed: number }) => void) | undefined;
}

/** What a queued run did. */
export interface QueueBatchSummary extends CollectCounts {
  total: number;
  skipped: number;
  enqueued: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

/**
 * `runBatch()` over a queue: enqueues the rows not yet in the output, lets workers anywhere (`startWorker()`,
 * `infer worker`) run them, and collects their results into the output, each exactly once. Resumable as
 * `runBatch()`: killed and run again, it skips what the output holds and adds no duplicate job.
 */
export async function runQueueBatch(options: QueueBatchOptions): Promise<QueueBatchSummary> {
  const started = Date.now();
  const total = await checkRows(options.input, options);
  const { writer, recovered } = ResultWriter.open(options.output);
  writer.close();
  const rows = (async function* (): AsyncGenerator<BatchRow> {
    for await (const { row } of readRows(options.input, options)) yield row;
  })();
  const { enqueued, skipped } = await enqueueRows({
    redis: options.redis,
    queue: options.queue,
    task: options.task,
    model: options.model,
    rows,
    skip: recovered.done,
    attempts: options.attempts,
  });
  const counts = await collectResults({
    redis: options.redis,
    queue: options.queue,
    sink: { output: options.output },
    expected: total - skipped,
    signal: options.signal,
    onProgress: (collected) =>
      options.onProgress?.({ total, skipped, collected: collected.collected, failed: collected.failed }),
  });
  const elapsedMs = Date.now() - started;
  return {
    ...counts,
    total,
    skipped,
    enqueued,
    elapsedMs,
    rowsPerSecond: elapsedMs > 0 ? counts.collected / (elapsedMs / 1000) : 0,
  };
}
