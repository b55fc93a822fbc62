import { InferenceError } from "./errors/inference-error.js";
import { InferenceOutputError } from "./errors/output-error.js";
import { textGenerationErrorFromPayload } from "./errors/text-generation-errors.js";
import type { InferenceResponse } from "./response.js";
import { createServerSentEventParser } from "./sse.js";
import { isObject } from "./task-kit.js";

/** Whether a JSON event stream ended with `data: [DONE]`, set by `readJsonEvents()`. */
export interface JsonEventsEnd {
  done: boolean;
}

/**
 * The JSON payloads of a Server-Sent Events answer (TGI's and OpenAI-style streams), until `data: [DONE]`
 * (which sets `end.done`) or the end of the body. A payload that is not JSON is an `InferenceOutputError`; one
 * carrying `{error}` throws its typed TGI error. Breaking out of the loop closes the connection.
 */
export async function* readJsonEvents(
  response: InferenceResponse,
  task: string,
  end: JsonEventsEnd = { done: false },
): AsyncGenerator<unknown, void, undefined> {
  for await (const batch of readJsonEventBatches(response, task, end)) {
    for (let index = 0; index < batch.length; index++) yield batch[index];
  }
}

/**
 * `readJsonEvents()` a body chunk at a time: each item is the payloads of the events one chunk completed (never
 * empty), in order. A stream reader that yields one token per payload then awaits once per chunk, not once per
 * event through two generators. The payloads before a bad one, an error payload or `[DONE]` in the same chunk
 * are yielded first; then it throws or ends as `readJsonEvents()` does.
 */
export async function* readJsonEventBatches(
  response: InferenceResponse,
  task: string,
  end: JsonEventsEnd = { done: false },
): AsyncGenerator<unknown[], void, undefined> {
  const parser = createServerSentEventParser();
  for await (const chunk of response.body) {
    const events = parser.feed(chunk);
    if (events.length === 0) continue;
    const payloads: unknown[] = [];
    let failure: unknown;
    for (let index = 0; index < events.length; index++) {
      const data = (events[index] as { data: string }).data.trim();
      if (data === "[DONE]") {
        end.done = true;
        break;
      }
      if (data === "") continue;
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch (error) {
        failure = new InferenceOutputError({ task, expected: "JSON stream events", body: data, cause: error });
        break;
      }
      if (isObject(payload) && payload["error"] !== undefined && payload["error"] !== null) {
        failure = textGenerationErrorFromPayload(payload);
        break;
      }
      payloads.push(payload);
    }
    if (payloads.length > 0) yield payloads;
    if (failure !== undefined) throw failure;
    if (end.done) return;
  }
}

/** What a task does with a stream's JSON payloads: `streamJsonEvents()` calls it. */
export interface JsonEventSteps<T> {
  /**
   * Each payload in order: push what it gives the caller (none, one or more items) to `out`. Throwing ends the
   * stream: the caller gets the items pushed before, then the error, and the connection is closed.
   */
  payload(payload: unknown, out: T[]): void;
  /** Once, after `[DONE]` (`end.done`) or the end of the body: push the last items, or throw to fail the stream. */
  end?(out: T[]): void;
}

/**
 * A task's stream of items over `readJsonEventBatches()`: every item of a chunk is handed out from a queue with
 * an already-resolved promise, so a token costs one microtask, not an async generator's resumption and awaits.
 * `next()` calls that overlap are served in order; `return()` (breaking out of the loop) closes the connection.
 */
export function streamJsonEvents<T>(
  response: InferenceResponse,
  task: string,
  end: JsonEventsEnd,
  steps: JsonEventSteps<T>,
): AsyncIterableIterator<T> {
  const batches = readJsonEventBatches(response, task, end);
  let queue: T[] = [];
  let index = 0;
  let failure: { error: unknown } | undefined;
  let finished = false;
  let pending: Promise<IteratorResult<T, undefined>> | undefined;

  const pull = async (): Promise<IteratorResult<T, undefined>> => {
    for (;;) {
      if (index < queue.length) return { value: queue[index++] as T, done: false };
      if (failure) {
        const { error } = failure;
        failure = undefined;
        finished = true;
        throw error;
      }
      if (finished) return { value: undefined, done: true };
      queue = [];
      index = 0;
      let result: IteratorResult<unknown[], void>;
      try {
        result = await batches.next();
      } catch (error) {
        finished = true;
        throw error;
      }
      if (result.done) {
        finished = true;
        try {
          steps.end?.(queue);
        } catch (error) {
          failure = { error };
        }
        continue;
      }
      const payloads = result.value;
      for (let at = 0; at < payloads.length; at++) {
        try {
          steps.payload(payloads[at], queue);
        } catch (error) {
          failure = { error };
          await batches.return();
          break;
        }
      }
    }
  };

  const track = (started: Promise<IteratorResult<T, undefined>>) => {
    pending = started;
    const clear = () => {
      if (pending === started) pending = undefined;
    };
    started.then(clear, clear);
    return started;
  };

  const iterator: AsyncIterableIterator<T> = {
    next(): Promise<IteratorResult<T, undefined>> {
      if (pending) return track(pending.then(pull, pull));
      if (index < queue.length) return Promise.resolve({ value: queue[index++] as T, done: false });
      return track(pull());
    },
    async return(): Promise<IteratorResult<T, undefined>> {
      finished = true;
      queue = [];
      index = 0;
      failure = undefined;
      await batches.return();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * Checks that the answer to a stream request is a stream. A JSON answer instead (an error in a 2xx body, or a
 * server that ignored `stream`) is read and thrown, so the call rejects before any iteration.
 */
export async function expectEventStream(response: InferenceResponse, task: string): Promise<void> {
  if (!/^application\/json\b/i.test(response.header("content-type") ?? "")) return;
  const body = await response.json();
  throwIfErrorPayload(body);
  throw new InferenceOutputError({ task, expected: "a text/event-stream answer", body });
}

/**
 * A stream a caller may iterate once: a second `for await` throws a clear error instead of yielding nothing (an
 * async generator that has finished, or whose body was read, would silently be empty).
 */
export function iterateOnce<T>(source: AsyncIterator<T> & AsyncIterable<T>, task: string): AsyncIterable<T> {
  let started = false;
  return {
    [Symbol.asyncIterator]() {
      if (started) {
        throw new InferenceError({ message: `This ${task} stream was already iterated: a stream is read only once` });
      }
      started = true;
      return source;
    },
  };
}

function throwIfErrorPayload(payload: unknown): void {
  if (isObject(payload) && payload["error"] !== undefined && payload["error"] !== null)
    throw textGenerationErrorFromPayload(payload);
}
