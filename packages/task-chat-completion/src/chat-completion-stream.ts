import { IncompleteGenerationError, InferenceOutputError, type InferenceResponse } from "@infer/core";
import { isObject, streamJsonEvents } from "@infer/core/task-kit";
import type { ChatCompletionStreamOutput } from "./chat-completion-output.js";

/**
 * The chunks of a streamed chat completion until `data: [DONE]`. An error event throws its typed error; a
 * stream that ends with neither `[DONE]` nor a `finish_reason` throws `IncompleteGenerationError`. Breaking
 * out of the loop closes the connection.
 */
export function streamChunks(response: InferenceResponse): AsyncIterableIterator<ChatCompletionStreamOutput> {
  const end = { done: false };
  let finished = false;
  return streamJsonEvents<ChatCompletionStreamOutput>(response, "chat-completion", end, {
    payload(payload, out) {
      if (!isObject(payload) || !Array.isArray(payload["choices"])) {
        throw new InferenceOutputError({
          task: "chat-completion",
          expected: "stream chunks {choices: [{delta}]}",
          body: payload,
        });
      }
      const chunk = payload as unknown as ChatCompletionStreamOutput;
      if (chunk.choices.some((choice) => isObject(choice) && typeof choice.finish_reason === "string")) finished = true;
      out.push(chunk);
    },
    end() {
      // Some servers (older TGI) end without [DONE]: a finish_reason then marks a complete answer.
      if (!end.done && !finished) {
        throw new IncompleteGenerationError({
          message: "The stream ended before the answer was finished",
          errorType: "incomplete_generation",
        });
      }
    },
  });
}
