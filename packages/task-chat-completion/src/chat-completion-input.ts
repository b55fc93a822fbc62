/** Who speaks a message. */
export type ChatCompletionRole = "system" | "user" | "assistant" | "tool" | (string & {});

/** A part of a message's content: text, or an image by URL (for models that read images). */
export type ChatCompletionContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string; detail?: "auto" | "low" | "high" | undefined } };

/** A function the model asked to call. TGI gives `arguments` as an object, OpenAI as a JSON string. */
export interface ChatCompletionToolCall {
  id: string;
  type: "function" | (string & {});
  function: { name: string; arguments: string | Record<string, unknown>; description?: string | null | undefined };
}

/** A message of the conversation, in OpenAI's format (sent as given). */
export interface ChatCompletionMessage {
  role: ChatCompletionRole;
  /** The text, or parts; may be absent or `null` on an assistant message that has `tool_calls`. */
  content?: string | ChatCompletionContentPart[] | null | undefined;
  name?: string | undefined;
  tool_calls?: ChatCompletionToolCall[] | undefined;
  /** On a `tool` message: the call it answers. */
  tool_call_id?: string | undefined;
}

/** A tool the model may call, in OpenAI's format (sent as given). */
export interface ChatCompletionTool {
  type: "function";
  function: { name: string; description?: string | undefined; parameters?: Record<string, unknown> | undefined };
}

/** Which tool the model must call: `"auto"`, `"none"`, `"required"`, or one function. */
export type ChatCompletionToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

/**
 * The answer's format, sent as given: `{ type: "json_object" }`, OpenAI's `{ type: "json_schema", json_schema }`,
 * or TGI's grammar `{ type: "json", value: schema }` / `{ type: "regex", value }`.
 */
export type ChatCompletionResponseFormat = { type: string; [key: string]: unknown };

/** The request of `chatCompletion()`: OpenAI's, in camelCase; sent in snake_case, only what is set. */
export interface ChatCompletionInput {
  /** The conversation so far: a non-empty array of `{ role, content }`. */
  messages: ChatCompletionMessage[];
  /**
   * The `model` field of the body; also where the request goes when neither the call nor the client names a model.
   * @default "tgi"
   */
  model?: string | undefined;
  /** The most tokens to generate, an integer > 0. @example 500 */
  maxTokens?: number | undefined;
  /** Sampling temperature, ≥ 0; lower is more deterministic. @example 0.7 */
  temperature?: number | undefined;
  /** Nucleus sampling, 0 < topP ≤ 1. @example 0.95 */
  topP?: number | undefined;
  /** Stop when one of these sequences is generated. */
  stop?: string | string[] | undefined;
  /** Random seed for sampling, an integer ≥ 0. */
  seed?: number | undefined;
  /** Penalises tokens by how often they appeared so far, -2 to 2. */
  frequencyPenalty?: number | undefined;
  /** Penalises tokens that appeared at all so far, -2 to 2. */
  presencePenalty?: number | undefined;
  /** Biases token ids, `{ "50256": -100 }`: sent as given. */
  logitBias?: Record<string, number> | undefined;
  /** Return the log-probabilities of the generated tokens. @default false */
  logprobs?: boolean | undefined;
  /** With `logprobs`, how many of the most likely tokens to return at each position, an integer ≥ 0. */
  topLogprobs?: number | undefined;
  /** How many choices to generate, an integer ≥ 1. @default 1 */
  n?: number | undefined;
  /** Tools the model may call, sent as given. */
  tools?: ChatCompletionTool[] | undefined;
  /** Which tool to call, sent as `tool_choice`. */
  toolChoice?: ChatCompletionToolChoice | undefined;
  /** TGI only: the text put before the tools in the prompt. */
  toolPrompt?: string | undefined;
  /** The answer's format, sent as `response_format`, as given. */
  responseFormat?: ChatCompletionResponseFormat | undefined;
  /**
   * Stream the answer: the call resolves to an `AsyncIterable` of chunks (`choices[].delta`) until `[DONE]`.
   * Breaking out of the loop closes the connection.
   * @default false
   */
  stream?: boolean | undefined;
  /** With `stream`: `{ include_usage: true }` adds a last chunk with `usage`. Sent as given. */
  streamOptions?: { include_usage?: boolean | undefined } | undefined;
}
