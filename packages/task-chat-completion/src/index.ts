export { chatCompletion } from "./chat-completion.js";
export type {
  ChatCompletionFunction,
  ChatCompletionMethod,
  ChatCompletionOptions,
  ChatCompletionResult,
} from "./chat-completion.js";
export type {
  ChatCompletionContentPart,
  ChatCompletionInput,
  ChatCompletionMessage,
  ChatCompletionResponseFormat,
  ChatCompletionRole,
  ChatCompletionTool,
  ChatCompletionToolCall,
  ChatCompletionToolChoice,
} from "./chat-completion-input.js";
export type {
  ChatCompletionChoice,
  ChatCompletionDelta,
  ChatCompletionLogprobs,
  ChatCompletionOutput,
  ChatCompletionOutputMessage,
  ChatCompletionStreamChoice,
  ChatCompletionStreamOutput,
  ChatCompletionUsage,
} from "./chat-completion-output.js";
