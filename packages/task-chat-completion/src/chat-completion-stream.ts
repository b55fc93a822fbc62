import {
  IncompleteGenerationError,
  InferenceOutputError,
  isObject,
  parseServerSentEvents,
  textGenerationErrorFromPayload,
  type InferenceResponse,
} from "@infer/core";
import type { ChatCompletionStreamOutput } from "./chat-completion-output.js";

const TASK = "chat-completion";

/**
 * The chunks of a streamed chat completion until `data: [DONE]`. An error event throws its typed error; a
 * stream that ends with neither `[DONE]` nor a `finish_reason` throws `IncompleteGenerationError`. Breaking
 * out of the loop closes the connection.
 */
export async function* streamChunks(response: InferenceResponse): AsyncGenerator<ChatCompletionStreamOutput, void, undefined> {
  let finished = false;
  for await (const message of parseServerSentEvents(response.body)) {
    const data = message.data.trim();
    if (data === "[DONE]") return;
    if (data === "") continue;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch (error) {
      throw new InferenceOutputError({ task: TASK, expected: "JSON stream chunks", body: data, cause: error });
    }
    if (isObject(payload) && payload["error"] !== undefined && payload["error"] !== null) throw textGenerationErrorFromPayload(payload);
    if (!isObject(payload) || !Array.isArray(payload["choices"])) {
      throw new InferenceOutputError({ task: TASK, expected: "stream chunks {choices: [{delta}]}", body: payload });
    }
    const chunk = payload as unknown as ChatCompletionStreamOutput;
    if (chunk.choices.some((choice) => isObject(choice) && typeof choice.finish_reason === "string")) finished = true;
    yield chunk;
  }
  // Some servers (older TGI) end without [DONE]: a finish_reason then marks a complete answer.
  if (!finished) {
    throw new IncompleteGenerationError({ message: "The stream ended before the answer was finished", errorType: "incomplete_generation" });
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
