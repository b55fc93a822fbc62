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

/** Throws the typed TGI error a payload carries (`{error, error_type?}`), if it carries one. */
function throwIfError(payload: unknown): void {
  if (isObject(payload) && payload["error"] !== undefined) throw textGenerationErrorFromPayload(payload);
}

/**
 * TGI's Server-Sent Events until the last one (the one with `generated_text`): typed events with `details`,
 * else the texts of the generated tokens, special tokens (such as `</s>`) left out. An error event throws its
 * typed error; a stream that ends before its last event throws `IncompleteGenerationError`, never a short
 * success. Breaking out of the loop closes the connection.
 */
export async function* streamEvents(response: InferenceResponse, details: boolean): AsyncGenerator<TextGenerationStreamEvent | string, void, undefined> {
  let finished = false;
  for await (const message of parseServerSentEvents(response.body)) {
    const data = message.data.trim();
    if (data === "[DONE]") break;
    // Read to the end after the last event, so the connection can be reused.
    if (finished || data === "") continue;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch (error) {
      throw new InferenceOutputError({ task: TASK, expected: "JSON stream events", body: data, cause: error });
    }
    throwIfError(payload);
    const token = isObject(payload) ? payload["token"] : undefined;
    const generatedText = isObject(payload) ? payload["generated_text"] : undefined;
    if (!isObject(token) || typeof token["text"] !== "string" || (generatedText != null && typeof generatedText !== "string")) {
      throw new InferenceOutputError({ task: TASK, expected: "stream events {token: {text}, generated_text}", body: payload });
    }
    if (typeof generatedText === "string") finished = true;
    if (details) yield payload as unknown as TextGenerationStreamEvent;
    else if (token["special"] !== true) yield token["text"];
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
  throwIfError(body);
  throw new InferenceOutputError({ task: TASK, expected: "a text/event-stream answer", body });
}
