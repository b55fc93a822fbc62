import { ResultWriter, rowKey, type BatchResult } from "@infer/batch";
import { Queue, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { setTimeout as sleep } from "node:timers/promises";
import { connect, type RedisConnection } from "./connection.js";
import type { RowJob, RowJobResult } from "./job.js";

/** Where collected results go. */
export type ResultSink =
  /** A JSONL file, its own checkpoint (as `runBatch()`'s output). */
  | { output: string }
  /** A Redis stream (`XADD key * id … row …`); a set `{key}:done` keeps each row in it once. */
  | { stream: string };

/** Options of `collectResults()`. */
export interface CollectOptions {
  redis: RedisConnection;
  queue: string;
  sink: ResultSink;
  /** Stop once this many rows have been collected; without it, collect until the signal aborts. */
  expected?: number | undefined;
  /**
   * Milliseconds between looks at the queue when it had nothing new.
   * @default 100
   */
  pollInterval?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Called after each collected batch of rows, with the running counts. */
  onProgress?: ((counts: CollectCounts) => void) | undefined;
}

export interface CollectCounts {
  collected: number;
  succeeded: number;
  failed: number;
  failedByError: Record<string, number>;
}

// XADD only if the row is not in the stream yet: one atomic step, so a collector killed at any moment
// and started again writes no row twice.
const addOnce = `if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then redis.call('XADD', KEYS[1], '*', 'id', ARGV[1], 'row', ARGV[2]) return 1 end return 0`;

/**
 * Moves finished rows out of the queue into a sink, each exactly once: a completed job (BullMQ completes a
 * job once, whichever worker ran it) is written, the sink made durable, and only then the job removed. A
 * failed job (BullMQ's dead letter: a row that stalled too often, or an unexpected error) becomes an error row.
 */
export async function collectResults(options: CollectOptions): Promise<CollectCounts> {
  const connection = connect(options.redis);
  const queue = new Queue<RowJob, RowJobResult>(options.queue, { connection });
  const counts: CollectCounts = { collected: 0, succeeded: 0, failed: 0, failedByError: {} };
  const sink = openSink(options.sink, connection);
  try {
    while (!options.signal?.aborted && (options.expected === undefined || counts.collected < options.expected)) {
      const completed = (await queue.getJobs(["completed"], 0, 999, true)) as Job<RowJob, RowJobResult>[];
      const failed = (await queue.getJobs(["failed"], 0, 999, true)) as Job<RowJob, RowJobResult>[];
      const finished = [...completed, ...failed.filter((job) => job.finishedOn !== undefined)];
      if (finished.length === 0) {
        await sleep(options.pollInterval ?? 100, undefined, options.signal ? { signal: options.signal } : {}).catch(
          () => undefined,
        );
        continue;
      }
      for (const job of finished) {
        const result = resultOf(job);
        if (await sink.add(result)) {
          counts.collected += 1;
          if ("error" in result) {
            counts.failed += 1;
            counts.failedByError[result.error.name] = (counts.failedByError[result.error.name] ?? 0) + 1;
          } else counts.succeeded += 1;
        }
      }
      await sink.checkpoint();
      await Promise.all(finished.map((job) => job.remove().catch(() => undefined)));
      options.onProgress?.(counts);
    }
  } finally {
    await sink.close();
    await queue.close();
    connection.disconnect();
  }
  return counts;
}

function resultOf(job: Job<RowJob, RowJobResult>): BatchResult {
  if (job.finishedOn !== undefined && job.returnvalue && typeof job.returnvalue === "object" && "id" in job.returnvalue)
    return job.returnvalue;
  return {
    id: job.data.id,
    error: { name: "QueueJobFailedError", message: job.failedReason || "the job failed in the queue" },
  };
}

interface Sink {
  /** Resolves to whether the row was new to the sink. */
  add(result: BatchResult): Promise<boolean>;
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

function openSink(sink: ResultSink, connection: Redis): Sink {
  if ("output" in sink) {
    const { writer, recovered } = ResultWriter.open(sink.output);
    const done = recovered.done;
    return {
      add: async (result) => {
        const key = rowKey(result.id);
        if (done.has(key)) return false;
        done.add(key);
        writer.add(result);
        return true;
      },
      checkpoint: async () => writer.checkpoint(),
      close: async () => writer.close(),
    };
  }
  return {
    add: async (result) =>
      (await connection.eval(
        addOnce,
        2,
        sink.stream,
        `${sink.stream}:done`,
        rowKey(result.id),
        JSON.stringify(result),
      )) === 1,
    checkpoint: async () => {},
    close: async () => {},
  };
}
