import { rowKey, type BatchRow } from "@infer/batch";
import { InferenceInputError } from "@infer/core";
import { Queue } from "bullmq";
import { connect, jobIdOf, type RedisConnection } from "./connection.js";
import type { RowJob } from "./job.js";

/** Options of `enqueueRows()`. */
export interface EnqueueOptions {
  redis: RedisConnection;
  /** The BullMQ queue's name. */
  queue: string;
  /** The task of every row, e.g. `"text-classification"`. */
  task: string;
  model?: string | undefined;
  rows: Iterable<BatchRow> | AsyncIterable<BatchRow>;
  /** Keys (`rowKey(id)`) of rows already done (in the output): they are not enqueued. */
  skip?: ReadonlySet<string> | undefined;
  /**
   * Attempts of a row that meets a dropped connection, a timeout or 502/504, with BullMQ's exponential backoff.
   * @default 5
   */
  attempts?: number | undefined;
  /**
   * Rows per `addBulk` call.
   * @default 500
   */
  chunk?: number | undefined;
}

/**
 * Enqueues one BullMQ job per row, its id derived from the row's id: enqueueing the same rows again (a
 * restarted producer) adds no duplicate, since BullMQ ignores a job id it already has.
 */
export async function enqueueRows(options: EnqueueOptions): Promise<{ enqueued: number; skipped: number }> {
  if (!options.queue) throw new InferenceInputError({ argument: "queue", message: "a queue name is required" });
  const connection = connect(options.redis);
  const queue = new Queue<RowJob>(options.queue, { connection });
  const attempts = options.attempts ?? 5;
  const chunk = options.chunk ?? 500;
  let enqueued = 0;
  let skipped = 0;
  let pending: {
    name: string;
    data: RowJob;
    opts: { jobId: string; attempts: number; backoff: { type: "exponential"; delay: number } };
  }[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await queue.addBulk(pending);
    enqueued += pending.length;
    pending = [];
  };
  try {
    for await (const row of options.rows) {
      const key = rowKey(row.id);
      if (options.skip?.has(key)) {
        skipped += 1;
        continue;
      }
      const data: RowJob = { id: row.id, inputs: row.inputs, task: options.task };
      if (row.parameters !== undefined) data.parameters = row.parameters;
      if (options.model !== undefined) data.model = options.model;
      pending.push({
        name: options.task,
        data,
        opts: { jobId: jobIdOf(key), attempts, backoff: { type: "exponential", delay: 500 } },
      });
      if (pending.length >= chunk) await flush();
    }
    await flush();
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return { enqueued, skipped };
}
