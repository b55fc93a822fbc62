import { IncompleteGenerationError, InferenceOutputError, type InferenceResponse } from "@infer/core";
import { isObject, streamJsonEvents, type JsonEventsEnd } from "@infer/core/task-kit";
import type { TextGenerationStreamEvent } from "./text-generation-output.js";

const TASK = "text-generation";

function outputError(payload: unknown): InferenceOutputError {
  return new InferenceOutputError({
    task: TASK,
    expected: "stream events {token: {text}, generated_text}",
    body: payload,
  });
}

/**
 * TGI's Server-Sent Events until the last one (the one with `generated_text`): typed events with `details`,
 * else the texts of the generated tokens, special tokens (such as `</s>`) left out. An error event throws its
 * typed error; a stream that ends before its last event throws `IncompleteGenerationError`, never a short
 * success. Breaking out of the loop closes the connection.
 *
 * A provider's OpenAI-style completion chunks (`choices[0].text`, or a chat chunk's `delta.content`) read as
 * TGI's: one event per piece of text (token `id` -1 and `logprob` null, which such chunks do not carry), then,
 * at `[DONE]` or the end of a body that gave a `finish_reason`, a last special token with empty text carrying
 * `generated_text` and `details` (`finish_reason`, `generated_tokens` from `usage` when sent, `seed`).
 */
export function streamEvents(
  response: InferenceResponse,
  details: boolean,
): AsyncIterableIterator<TextGenerationStreamEvent | string> {
  let finished = false;
  const end: JsonEventsEnd = { done: false };
  // Set by OpenAI-style chunks: the text so far, the pieces, why it finished.
  let chunks: { text: string; count: number; reason?: string; seed: unknown; usage?: unknown } | undefined;
  return streamJsonEvents<TextGenerationStreamEvent | string>(response, TASK, end, {
    payload(payload, out) {
      // Read to the end after the last event, so the connection can be reused.
      if (finished) return;
      const choices = isObject(payload) ? payload["choices"] : undefined;
      if (Array.isArray(choices)) {
        const usage = (payload as Record<string, unknown>)["usage"];
        const choice: unknown = choices[0];
        // An empty chunk first is no stream of ours; later, or with `usage`, it ends an OpenAI-style one.
        if (choice === undefined && !chunks && !isObject(usage)) throw outputError(payload);
        chunks ??= { text: "", count: 0, seed: null };
        if (isObject(usage)) chunks.usage = usage["completion_tokens"];
        if (choice === undefined) return;
        const delta = isObject(choice) ? choice["delta"] : undefined;
        const text = isObject(delta) ? delta["content"] : isObject(choice) ? choice["text"] : undefined;
        if (!isObject(choice) || (text != null && typeof text !== "string")) throw outputError(payload);
        if (typeof choice["finish_reason"] === "string") chunks.reason = choice["finish_reason"];
        if (typeof choice["seed"] === "number") chunks.seed = choice["seed"];
        if (typeof text !== "string" || text === "") return;
        chunks.text += text;
        chunks.count++;
        out.push(
          details
            ? {
                token: { id: -1, text, logprob: null as unknown as number, special: false },
                generated_text: null,
                details: null,
              }
            : text,
        );
        return;
      }
      const token = isObject(payload) ? payload["token"] : undefined;
      const generatedText = isObject(payload) ? payload["generated_text"] : undefined;
      if (
        !isObject(token) ||
        typeof token["text"] !== "string" ||
        (generatedText != null && typeof generatedText !== "string")
      ) {
        throw outputError(payload);
      }
      if (typeof generatedText === "string") finished = true;
      if (details) out.push(payload as unknown as TextGenerationStreamEvent);
      else if (token["special"] !== true) out.push(token["text"]);
    },
    end(out) {
      if (chunks && (end.done || chunks.reason !== undefined)) {
        finished = true;
        if (details)
          out.push({
            token: { id: -1, text: "", logprob: null as unknown as number, special: true },
            generated_text: chunks.text,
            details: {
              finish_reason: chunks.reason ?? "unknown",
              generated_tokens: typeof chunks.usage === "number" ? chunks.usage : chunks.count,
              seed: chunks.seed as number | null,
            },
          });
      }
      if (!finished) {
        throw new IncompleteGenerationError({
          message: "The stream ended before its last event (the one with generated_text)",
          errorType: "incomplete_generation",
        });
      }
    },
  });
}
