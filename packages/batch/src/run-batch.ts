import { InferenceInputError, type ClientOptions, type InferenceCore } from "@infer/core";
import { InferenceClient } from "@infer/inference";
import PQueue from "p-queue";
import { setMaxListeners } from "node:events";
import { rowRunner, type BatchTask, type RowHandler } from "./call-row.js";
import { createEndpointDispatcher, type EndpointDispatcher } from "./dispatcher.js";
import { runEngine, type BatchProgress } from "./engine.js";
import { ResultWriter, type BatchResult } from "./output.js";
import { checkRows, readRows, rowKey, type BatchRow, type InputFormat } from "./rows.js";
import { SharedBackoff, type BackoffOptions } from "./shared-backoff.js";

/** Settings shared by `runBatch()` and `batch()`. */
export interface BatchSettings extends BackoffOptions {
  /**
   * The most rows in flight at once.
   * @default 8
   */
  concurrency?: number | undefined;
  /** The most requests started per second, across the whole run. No cap when absent. */
  rps?: number | undefined;
  /**
   * How many times a row is tried when it meets 429/503, a dropped connection, a timeout or 502/504;
   * after the last, its result is the error.
   * @default 5
   */
  attempts?: number | undefined;
  /**
   * `"completed"`: rows are written as they finish; `"input"`: in the input's order.
   * @default "completed"
   */
  order?: "completed" | "input" | undefined;
  /** The model of every row (a Hub id, or an endpoint URL used as is). */
  model?: string | undefined;
  /**
   * Base URLs of replicas of one endpoint (Inference Endpoints, TGI, the local server), spread with undici's
   * `BalancedPool`. Only with a client this run creates (not with `client`).
   */
  endpoints?: readonly string[] | undefined;
  /** Options of the client the run creates (token, timeout, …); `retry` is off: the run retries itself. */
  clientOptions?: Omit<ClientOptions, "dispatcher" | "retry"> | undefined;
  /** A client of your own, instead of one created by the run (its own `retry` then applies too). */
  client?: InferenceCore | undefined;
  /** Stops the run: rows in flight are dropped (not written), so the next run does them. */
  signal?: AbortSignal | undefined;
  /** Called after each finished row. */
  onProgress?: ((progress: BatchProgress) => void) | undefined;
}

/** Options of `runBatch()`. */
export interface RunBatchOptions extends BatchSettings, InputFormat {
  /** The task: a task function, its name (`"text-classification"`), or your own `(client, row, { signal })`. */
  task: BatchTask | RowHandler;
  /** A JSONL or CSV file, or rows. With rows, ids must be unique. */
  input: string | Iterable<BatchRow> | AsyncIterable<BatchRow>;
  /** The JSONL output, which is also the checkpoint: run again with the same arguments to resume. */
  output: string;
  /**
   * Milliseconds between checkpoints (the output is fsync'd). Lines are written every 100 ms regardless.
   * @default 1000
   */
  checkpointInterval?: number | undefined;
}

/** What a run did. */
export interface BatchSummary extends BatchProgress {
  /** Rows per second finished by this run. */
  rowsPerSecond: number;
  /** Times the run paused for a 429/503. */
  pauses: number;
  /** Whether the run was stopped by its signal before the end. */
  aborted: boolean;
  /** Bytes of a torn last line cut from the output when it was opened (a killed run). */
  truncatedBytes: number;
}

/**
 * Runs a task over every row of an input and appends each result to a JSONL output. Resumable: rows whose
 * id is already in the output are skipped, so a run killed at any moment (SIGKILL included) and started
 * again with the same arguments loses no row and repeats none.
 * @example
 * const summary = await runBatch({ task: "text-classification", input: "rows.jsonl", output: "results.jsonl",
 *   model: "distilbert-base-uncased-finetuned-sst-2-english", concurrency: 16, rps: 50 });
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const run = rowRunner(options.task, options.model === undefined ? {} : { model: options.model });
  const total =
    typeof options.input === "string"
      ? await checkRows(options.input, options)
      : Array.isArray(options.input)
        ? options.input.length
        : undefined;
  const { writer, recovered } = ResultWriter.open(options.output);
  const session = openSession(options);
  const progress: BatchProgress = {
    total,
    skipped: 0,
    finished: 0,
    succeeded: 0,
    failed: 0,
    failedByError: {},
    elapsedMs: 0,
  };
  let ticks = 0;
  const interval = Math.max(100, options.checkpointInterval ?? 1000);
  const timer = setInterval(() => {
    ticks += 1;
    if (ticks * 100 >= interval) {
      ticks = 0;
      writer.checkpoint();
    } else writer.flush();
  }, 100);
  const started = Date.now();
  try {
    const rows = skipDone(sourceRows(options), recovered.done, progress);
    await runEngine(rows, {
      ...session.engine(run),
      sink: (result: BatchResult) => writer.add(result),
      progress,
      onProgress: options.onProgress,
    });
  } finally {
    clearInterval(timer);
    writer.close();
    await session.close();
  }
  progress.elapsedMs = Date.now() - started;
  return summarize(progress, session.backoff.pauses, session.signal.aborted, recovered.truncatedBytes);
}

/**
 * Runs a task over rows in memory and resolves to their results in input order (no file, no resume; for
 * that, `runBatch()`).
 * @example
 * const results = await batch(client, textClassification, [{ id: 1, inputs: "I love it" }], { concurrency: 4 });
 */
export async function batch(
  client: InferenceCore | undefined,
  task: BatchTask | RowHandler,
  rows: Iterable<BatchRow> | AsyncIterable<BatchRow>,
  settings: Omit<BatchSettings, "client" | "order"> = {},
): Promise<BatchResult[]> {
  const run = rowRunner(task, settings.model === undefined ? {} : { model: settings.model });
  const session = openSession({ ...settings, client });
  const results: BatchResult[] = [];
  const progress: BatchProgress = {
    total: undefined,
    skipped: 0,
    finished: 0,
    succeeded: 0,
    failed: 0,
    failedByError: {},
    elapsedMs: 0,
  };
  try {
    await runEngine(uniqueRows(toAsync(rows)), {
      ...session.engine(run),
      order: "input",
      sink: (result) => results.push(result),
      progress,
      onProgress: settings.onProgress,
    });
  } finally {
    await session.close();
  }
  return results;
}

function summarize(progress: BatchProgress, pauses: number, aborted: boolean, truncatedBytes: number): BatchSummary {
  const seconds = progress.elapsedMs / 1000;
  return { ...progress, rowsPerSecond: seconds > 0 ? progress.finished / seconds : 0, pauses, aborted, truncatedBytes };
}

interface Session {
  backoff: SharedBackoff;
  signal: AbortSignal;
  engine(run: RowHandler): {
    client: InferenceCore;
    run: RowHandler;
    queue: PQueue;
    backoff: SharedBackoff;
    attempts: number;
    order: "completed" | "input";
    window: number;
    signal: AbortSignal;
  };
  close(): Promise<void>;
}

function openSession(options: BatchSettings): Session {
  const concurrency = positiveInteger(options.concurrency ?? 8, "concurrency");
  const attempts = positiveInteger(options.attempts ?? 5, "attempts");
  if (
    options.rps !== undefined &&
    !(typeof options.rps === "number" && options.rps > 0 && Number.isFinite(options.rps))
  ) {
    throw new InferenceInputError({ argument: "rps", message: "must be a positive number of requests per second" });
  }
  if (options.order !== undefined && options.order !== "completed" && options.order !== "input") {
    throw new InferenceInputError({ argument: "order", message: 'must be "completed" or "input"' });
  }
  if (options.client && options.endpoints?.length) {
    throw new InferenceInputError({
      argument: "endpoints",
      message: "give endpoints or a client of your own, not both",
    });
  }
  const queue = new PQueue({ concurrency, ...rateLimit(options.rps) });
  const backoff = new SharedBackoff(queue, concurrency, options);
  let transport: EndpointDispatcher | undefined;
  let client = options.client;
  if (!client) {
    transport = createEndpointDispatcher(options.endpoints ?? [], concurrency, backoff);
    const endpoint = options.endpoints?.length ? { endpoint: transport.endpoint } : {};
    client = new InferenceClient({
      ...options.clientOptions,
      ...endpoint,
      retry: false,
      dispatcher: transport.dispatcher,
    });
  }
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  // Every row's request listens to this one signal.
  setMaxListeners(0, signal);
  const ready = client;
  return {
    backoff,
    signal,
    engine: (run) => ({
      client: ready,
      run,
      queue,
      backoff,
      attempts,
      order: options.order ?? "completed",
      window: Math.max(1024, concurrency * 16),
      signal,
    }),
    close: async () => {
      backoff.dispose();
      await transport?.close();
    },
  };
}

/** p-queue's interval cap from requests per second, in windows of at least 10 ms so the rate stays smooth. */
function rateLimit(rps: number | undefined): { intervalCap: number; interval: number } | Record<string, never> {
  if (rps === undefined) return {};
  const intervalCap = Math.max(1, Math.ceil(rps / 100));
  return { intervalCap, interval: (intervalCap * 1000) / rps };
}

function positiveInteger(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new InferenceInputError({ argument, message: "must be a positive integer" });
  return value;
}

async function* sourceRows(options: RunBatchOptions): AsyncGenerator<BatchRow> {
  if (typeof options.input === "string") {
    for await (const { row } of readRows(options.input, options)) yield row;
  } else {
    yield* uniqueRows(toAsync(options.input));
  }
}

async function* skipDone(
  rows: AsyncIterable<BatchRow>,
  done: Set<string>,
  progress: BatchProgress,
): AsyncGenerator<BatchRow> {
  for await (const row of rows) {
    if (done.has(rowKey(row.id))) progress.skipped += 1;
    else yield row;
  }
}

async function* uniqueRows(rows: AsyncIterable<BatchRow>): AsyncGenerator<BatchRow> {
  const seen = new Set<string>();
  for await (const row of rows) {
    const key = rowKey(row.id);
    if (seen.has(key))
      throw new InferenceInputError({ argument: "input", message: `id ${key} appears twice; ids must be unique` });
    seen.add(key);
    yield row;
  }
}

async function* toAsync<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items;
}
