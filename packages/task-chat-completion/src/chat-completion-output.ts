import type { ChatCompletionRole, ChatCompletionToolCall } from "./chat-completion-input.js";

/** Tokens counted by the server. */
export interface ChatCompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Log-probabilities of a choice's tokens, with `logprobs: true`. */
export interface ChatCompletionLogprobs {
  content: { token: string; logprob: number; top_logprobs: { token: string; logprob: number }[] }[] | null;
}

/** The message the model answered. */
export interface ChatCompletionOutputMessage {
  role: ChatCompletionRole;
  content?: string | null;
  tool_calls?: ChatCompletionToolCall[] | null;
}

/** One of the `n` answers. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionOutputMessage;
  /** Why it stopped: `"stop"`, `"length"`, `"tool_calls"`, or TGI's `"eos_token"`, `"stop_sequence"`. */
  finish_reason: string | null;
  logprobs?: ChatCompletionLogprobs | null;
}

/** OpenAI's chat completion, as the server sent it. */
export interface ChatCompletionOutput {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: ChatCompletionChoice[];
  usage?: ChatCompletionUsage;
}

/** What a stream chunk adds to a choice's message. */
export interface ChatCompletionDelta {
  role?: ChatCompletionRole;
  content?: string | null;
  tool_calls?: (Partial<ChatCompletionToolCall> & { index?: number })[] | null;
}

/** A choice in a stream chunk; `finish_reason` is set on its last chunk. */
export interface ChatCompletionStreamChoice {
  index: number;
  delta: ChatCompletionDelta;
  finish_reason: string | null;
  logprobs?: ChatCompletionLogprobs | null;
}

/** One chunk of a streamed chat completion (`object: "chat.completion.chunk"`). */
export interface ChatCompletionStreamOutput {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint?: string;
  choices: ChatCompletionStreamChoice[];
  /** On the last chunk, with `streamOptions: { include_usage: true }`. */
  usage?: ChatCompletionUsage | null;
}
