import {
  classify,
  createEndpointDispatcher,
  describeError,
  parseRetryAfter,
  rowRunner,
  type RowHandler,
} from "@infer/batch";
import type { ClientOptions } from "@infer/core";
import { InferenceClient } from "@infer/inference";
import { Queue, Worker, type Job } from "bullmq";
import { setMaxListeners } from "node:events";
import { connect, type RedisConnection } from "./connection.js";
import type { RowJob, RowJobResult } from "./job.js";

/** Options of `startWorker()`. */
export interface WorkerOptions {
  redis: RedisConnection;
  queue: string;
  /**
   * Rows this worker runs at once.
   * @default 8
   */
  concurrency?: number | undefined;
  /** The most rows started per second by all the queue's workers together (BullMQ's limiter). */
  rps?: number | undefined;
  /** Replicas to spread this worker's requests over (undici `BalancedPool`). */
  endpoints?: readonly string[] | undefined;
  /** The client's options (token, timeout); the token stays in this process, never in Redis. */
  clientOptions?: Omit<ClientOptions, "dispatcher" | "retry"> | undefined;
  /**
   * Milliseconds a job's lock lasts without renewal; a worker that dies loses its jobs to the others after it.
   * @default 30000
   */
  lockDuration?: number | undefined;
  /**
   * Milliseconds between checks for stalled jobs (those of a dead worker).
   * @default 30000
   */
  stalledInterval?: number | undefined;
  /**
   * The first wait in milliseconds after a 429/503 without `Retry-After`, for the whole queue; it doubles each time in a row.
   * @default 1000
   */
  overloadDelay?: number | undefined;
}

export interface RunningWorker {
  worker: Worker<RowJob, RowJobResult>;
  /** Lets the jobs in flight finish, then stops. */
  close(): Promise<void>;
}

/**
 * Starts a BullMQ worker that runs rows. A 429/503 rate-limits the whole queue through BullMQ (every worker,
 * on every machine, waits; the job goes back without using an attempt); a dropped connection, a timeout or
 * 502/504 fails the attempt so BullMQ retries it with backoff; any other error is the row's result.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const concurrency = options.concurrency ?? 8;
  let retryAfter: number | undefined;
  let inARow = 0;
  const transport = createEndpointDispatcher(options.endpoints ?? [], concurrency, {
    noteRetryAfter: (value) => (retryAfter = parseRetryAfter(value) ?? retryAfter),
  });
  const endpoint = options.endpoints?.length ? { endpoint: transport.endpoint } : {};
  const client = new InferenceClient({
    ...options.clientOptions,
    ...endpoint,
    retry: false,
    dispatcher: transport.dispatcher,
  });
  const controller = new AbortController();
  // Every job in flight listens to this one signal.
  setMaxListeners(0, controller.signal);
  const runners = new Map<string, RowHandler>();
  const runnerFor = (data: RowJob) => {
    const key = `${data.task}\u0000${data.model ?? ""}`;
    let runner = runners.get(key);
    if (!runner) {
      runner = rowRunner(data.task, data.model === undefined ? {} : { model: data.model });
      runners.set(key, runner);
    }
    return runner;
  };
  const connection = connect(options.redis);
  const queue = new Queue(options.queue, { connection });
  const overloadDelay = options.overloadDelay ?? 1000;

  const processor = async (job: Job<RowJob, RowJobResult>): Promise<RowJobResult> => {
    const { id, inputs, parameters } = job.data;
    let run: RowHandler;
    try {
      run = runnerFor(job.data);
    } catch (error) {
      return { id, error: describeError(error) };
    }
    try {
      const output = await run(client, { id, inputs, parameters }, { signal: controller.signal });
      inARow = 0;
      return { id, output };
    } catch (error) {
      const failure = classify(error, controller.signal);
      if (failure === "overloaded") {
        inARow += 1;
        const delay = Math.min(60_000, retryAfter ?? overloadDelay * 2 ** Math.min(inARow - 1, 6));
        retryAfter = undefined;
        await queue.rateLimit(delay);
        throw Worker.RateLimitError();
      }
      if (failure === "aborted") throw error;
      if (failure === "transient" && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      return { id, error: describeError(error) };
    }
  };

  const workerConnection = connect(options.redis);
  const worker = new Worker<RowJob, RowJobResult>(options.queue, processor, {
    connection: workerConnection,
    concurrency,
    ...(options.rps ? { limiter: { max: Math.max(1, Math.round(options.rps)), duration: 1000 } } : {}),
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
  });
  // A worker must not crash on a Redis hiccup; BullMQ reconnects.
  worker.on("error", () => {});
  return {
    worker,
    close: async () => {
      await worker.close();
      controller.abort();
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
      await transport.close();
    },
  };
}
