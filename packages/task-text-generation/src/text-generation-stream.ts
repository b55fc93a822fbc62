import { IncompleteGenerationError, InferenceOutputError, type InferenceResponse } from "@infer/core";
import { isObject, readJsonEvents } from "@infer/core/task-kit";
import type { TextGenerationStreamEvent } from "./text-generation-output.js";

/**
 * TGI's Server-Sent Events until the last one (the one with `generated_text`): typed events with `details`,
 * else the texts of the generated tokens, special tokens (such as `</s>`) left out. An error event throws its
 * typed error; a stream that ends before its last event throws `IncompleteGenerationError`, never a short
 * success. Breaking out of the loop closes the connection.
 */
export async function* streamEvents(
  response: InferenceResponse,
  details: boolean,
): AsyncGenerator<TextGenerationStreamEvent | string, void, undefined> {
  let finished = false;
  for await (const payload of readJsonEvents(response, "text-generation")) {
    // Read to the end after the last event, so the connection can be reused.
    if (finished) continue;
    const token = isObject(payload) ? payload["token"] : undefined;
    const generatedText = isObject(payload) ? payload["generated_text"] : undefined;
    if (
      !isObject(token) ||
      typeof token["text"] !== "string" ||
      (generatedText != null && typeof generatedText !== "string")
    ) {
      throw new InferenceOutputError({
        task: "text-generation",
        expected: "stream events {token: {text}, generated_text}",
        body: payload,
      });
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
