import type { InferenceCore } from "@infer/core";
import type PQueue from "p-queue";
import { setTimeout as sleep } from "node:timers/promises";
import type { RowHandler } from "./call-row.js";
import { classify, describeError } from "./classify.js";
import type { BatchResult } from "./output.js";
import type { BatchRow } from "./rows.js";
import type { SharedBackoff } from "./shared-backoff.js";

/** Counts of a run so far, for a progress bar. */
export interface BatchProgress {
  /** Rows in the input, when known. */
  total: number | undefined;
  /** Rows already done by an earlier run (skipped). */
  skipped: number;
  /** Rows finished by this run, successes and errors. */
  finished: number;
  succeeded: number;
  failed: number;
  /** Error rows by error class name. */
  failedByError: Record<string, number>;
  elapsedMs: number;
}

export interface EngineSettings {
  client: InferenceCore;
  run: RowHandler;
  queue: PQueue;
  backoff: SharedBackoff;
  attempts: number;
  order: "completed" | "input";
  /** In input order, how far ahead of the oldest unfinished row reading may go. */
  window: number;
  signal: AbortSignal;
  /** Receives each result, in the chosen order. */
  sink: (result: BatchResult) => void;
  progress: BatchProgress;
  onProgress?: ((progress: BatchProgress) => void) | undefined;
}

/** Runs every row that reaches it, at most `queue.concurrency` at a time, until the source ends and all finish. */
export async function runEngine(rows: AsyncIterable<BatchRow>, settings: EngineSettings): Promise<void> {
  const { queue, backoff, signal, progress } = settings;
  const started = Date.now() - progress.elapsedMs;
  const held = new Map<number, BatchResult>();
  let nextToEmit = 0;
  let sequence = 0;
  let outstanding = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const waitFor = async (condition: () => boolean) => {
    while (!condition() && !signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
  };
  signal.addEventListener("abort", notify, { once: true });
  queue.on("active", notify);

  const finish = (seq: number, result: BatchResult | undefined) => {
    outstanding -= 1;
    if (result) {
      progress.finished += 1;
      if ("error" in result) {
        progress.failed += 1;
        progress.failedByError[result.error.name] = (progress.failedByError[result.error.name] ?? 0) + 1;
      } else {
        progress.succeeded += 1;
      }
      progress.elapsedMs = Date.now() - started;
      if (settings.order === "completed") settings.sink(result);
      else {
        held.set(seq, result);
        for (let ready = held.get(nextToEmit); ready; ready = held.get(nextToEmit)) {
          held.delete(nextToEmit);
          nextToEmit += 1;
          settings.sink(ready);
        }
      }
      settings.onProgress?.(progress);
    }
    notify();
  };

  const attempt = async (row: BatchRow, seq: number, tried: number): Promise<void> => {
    if (signal.aborted) return finish(seq, undefined);
    try {
      const output = await settings.run(settings.client, row, { signal });
      backoff.succeeded();
      finish(seq, { id: row.id, output });
    } catch (error) {
      const failure = classify(error, signal);
      if (failure === "aborted") return finish(seq, undefined);
      if (failure !== "final" && tried + 1 < settings.attempts) {
        if (failure === "overloaded") backoff.overloaded();
        else
          await sleep(Math.min(250 * 2 ** tried, 5_000) * (0.5 + Math.random()), undefined, { signal }).catch(
            () => undefined,
          );
        if (signal.aborted) return finish(seq, undefined);
        // A retry goes first in line, so a row is not starved behind the rest of the input.
        void queue.add(() => attempt(row, seq, tried + 1), { priority: 1 });
        return;
      }
      finish(seq, { id: row.id, error: describeError(error) });
    }
  };

  for await (const row of rows) {
    if (signal.aborted) break;
    // Backpressure: read only as fast as rows are taken, and (in input order) not too far ahead.
    await waitFor(
      () =>
        queue.size < queue.concurrency * 2 + 16 &&
        (settings.order === "completed" || sequence - nextToEmit < settings.window),
    );
    if (signal.aborted) break;
    const seq = sequence++;
    outstanding += 1;
    void queue.add(() => attempt(row, seq, 0));
  }
  await waitFor(() => outstanding === 0);
  queue.off("active", notify);
  signal.removeEventListener("abort", notify);
  if (signal.aborted) {
    queue.clear();
    await queue.onIdle();
  }
}
