import { InferenceOutputError, type InferenceCore, type PostRequest, type RequestOptions } from "@infer/core";
import { defineTask, expectEventStream, iterateOnce, isObject, postTgi, splitOptions } from "@infer/core/task-kit";
import type { ChatCompletionInput } from "./chat-completion-input.js";
import type { ChatCompletionOutput, ChatCompletionStreamOutput } from "./chat-completion-output.js";
import { chatCompletionBody, validateInput } from "./chat-completion-request.js";
import { streamChunks } from "./chat-completion-stream.js";

const TASK = "chat-completion";

/** Options of `chatCompletion()`: the request options (`model` picks the server; `input.model` is the body's). */
export type ChatCompletionOptions = RequestOptions;

/** Everything `chatCompletion()` may resolve to, depending on `stream`. */
export type ChatCompletionResult = ChatCompletionOutput | AsyncIterable<ChatCompletionStreamOutput>;

/** `chatCompletion` as a client method: its return type follows `stream`. */
export interface ChatCompletionMethod {
  (
    input: ChatCompletionInput & { stream: true },
    options?: ChatCompletionOptions,
  ): Promise<AsyncIterable<ChatCompletionStreamOutput>>;
  (
    input: ChatCompletionInput & { stream?: false | undefined },
    options?: ChatCompletionOptions,
  ): Promise<ChatCompletionOutput>;
  (input: ChatCompletionInput, options?: ChatCompletionOptions): Promise<ChatCompletionResult>;
}

/** `chatCompletion` as a function of a client: its return type follows `stream`. */
export interface ChatCompletionFunction {
  (
    client: InferenceCore,
    input: ChatCompletionInput & { stream: true },
    options?: ChatCompletionOptions,
  ): Promise<AsyncIterable<ChatCompletionStreamOutput>>;
  (
    client: InferenceCore,
    input: ChatCompletionInput & { stream?: false | undefined },
    options?: ChatCompletionOptions,
  ): Promise<ChatCompletionOutput>;
  (client: InferenceCore, input: ChatCompletionInput, options?: ChatCompletionOptions): Promise<ChatCompletionResult>;
}

async function complete(
  client: InferenceCore,
  input: ChatCompletionInput,
  options?: ChatCompletionOptions,
): Promise<ChatCompletionResult> {
  validateInput(input);
  const { request } = splitOptions(options);
  const stream = input.stream === true;
  // `task` picks the recommended model; `providerTask` routes the call among Inference Providers.
  const post: PostRequest = {
    task: "text-generation",
    providerTask: TASK,
    path: "/v1/chat/completions",
    json: chatCompletionBody(input),
    stream,
  };
  // The call's or the client's model picks the server; failing those, the body's model does.
  const model = request.model ?? client.options.model ?? input.model;
  if (model !== undefined) post.model = model;
  const response = await postTgi(client, post, request);
  if (stream) {
    await expectEventStream(response, "chat-completion");
    return iterateOnce(streamChunks(response), "chat-completion");
  }
  const body = await response.json();
  if (
    !isObject(body) ||
    !Array.isArray(body["choices"]) ||
    !body["choices"].every((choice) => isObject(choice) && isObject(choice["message"]))
  ) {
    throw new InferenceOutputError({ task: TASK, expected: "{choices: [{message}]}", body });
  }
  return body as unknown as ChatCompletionOutput;
}

/**
 * Chats with a model through TGI's OpenAI-compatible route (`{model URL}/v1/chat/completions`). Resolves to
 * OpenAI's chat completion; with `stream: true` to an `AsyncIterable` of chunks until `[DONE]`.
 * @example
 * const output = await chatCompletion(createClient({ model: "HuggingFaceH4/zephyr-7b-beta" }), {
 *   messages: [{ role: "user", content: "What is the capital of France?" }],
 *   maxTokens: 100,
 * });
 * output.choices[0]?.message.content;
 */
export const chatCompletion = defineTask<"chatCompletion", ChatCompletionFunction, ChatCompletionMethod>(
  { taskName: TASK, methodName: "chatCompletion" },
  complete as ChatCompletionFunction,
);
