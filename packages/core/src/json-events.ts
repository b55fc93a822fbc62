import { InferenceError } from "./errors/inference-error.js";
import { InferenceOutputError } from "./errors/output-error.js";
import { textGenerationErrorFromPayload } from "./errors/text-generation-errors.js";
import type { InferenceResponse } from "./response.js";
import { parseServerSentEvents } from "./sse.js";
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
  for await (const message of parseServerSentEvents(response.body)) {
    const data = message.data.trim();
    if (data === "[DONE]") {
      end.done = true;
      return;
    }
    if (data === "") continue;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch (error) {
      throw new InferenceOutputError({ task, expected: "JSON stream events", body: data, cause: error });
    }
    throwIfErrorPayload(payload);
    yield payload;
  }
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
