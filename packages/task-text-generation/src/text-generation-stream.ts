import {
  IncompleteGenerationError,
  InferenceOutputError,
  isObject,
  parseServerSentEvents,
  textGenerationErrorFromPayload,
  type InferenceResponse,
} from "@infer/core";
import type { TextGenerationStreamEvent } from "./text-generation-output.js";

const TASK = "text-generation";

/**
 * TGI's Server-Sent Events as typed events, until the last one (the one with `generated_text`). An error
 * event throws its typed error; a stream that ends before its last event throws
 * `IncompleteGenerationError`, never a short success. Breaking out of the loop closes the connection.
 */
export async function* streamEvents(response: InferenceResponse): AsyncGenerator<TextGenerationStreamEvent, void, undefined> {
  let finished = false;
  for await (const message of parseServerSentEvents(response.body)) {
    const data = message.data.trim();
    if (data === "[DONE]") break;
    // Read to the end after the last event, so the connection can be reused.
    if (finished || data === "") continue;
    const payload = parse(data);
    if (isObject(payload) && payload["error"] !== undefined) throw textGenerationErrorFromPayload(payload);
    if (!isStreamEvent(payload)) {
      throw new InferenceOutputError({ task: TASK, expected: "stream events {token: {text}, generated_text}", body: payload });
    }
    if (typeof payload.generated_text === "string") finished = true;
    yield payload;
  }
  if (!finished) {
    throw new IncompleteGenerationError({
      message: "The stream ended before its last event (the one with generated_text)",
      errorType: "incomplete_generation",
    });
  }
}

/**
 * Checks that an answer to a stream request is a stream. A JSON answer instead (an error in a 2xx body, or a
 * server that ignored `stream`) is read and thrown, so the call rejects before any iteration.
 */
export async function expectEventStream(response: InferenceResponse): Promise<void> {
  if (!/^application\/json\b/i.test(response.header("content-type") ?? "")) return;
  const body = await response.json();
  if (isObject(body) && body["error"] !== undefined) throw textGenerationErrorFromPayload(body);
  throw new InferenceOutputError({ task: TASK, expected: "a text/event-stream answer", body });
}

/** The texts of the generated tokens, special tokens (such as `</s>`) left out. */
export async function* streamTokens(response: InferenceResponse): AsyncGenerator<string, void, undefined> {
  for await (const event of streamEvents(response)) {
    if (event.token.special !== true) yield event.token.text;
  }
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new InferenceOutputError({ task: TASK, expected: "JSON stream events", body: data, cause: error });
  }
}

function isStreamEvent(payload: unknown): payload is TextGenerationStreamEvent {
  return (
    isObject(payload) &&
    isObject(payload["token"]) &&
    typeof payload["token"]["text"] === "string" &&
    (payload["generated_text"] === undefined || payload["generated_text"] === null || typeof payload["generated_text"] === "string")
  );
}
