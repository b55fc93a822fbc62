import { checkNumber, InferenceInputError, isObject, requireString, requireStringArray, snakeCaseParameters } from "@infer/core";
import type { ChatCompletionInput } from "./chat-completion-input.js";

/** Checks the request before it is sent; the argument at fault is named, e.g. `"input.messages[1].role"`. */
export function validateInput(input: unknown): asserts input is ChatCompletionInput {
  if (!isObject(input)) throw new InferenceInputError({ argument: "input", message: "expected an object with `messages`" });
  validateMessages(input["messages"]);
  if (input["model"] !== undefined) requireString(input["model"], "input.model");
  checkNumber(input["maxTokens"], "input.maxTokens", { above: 0, integer: true });
  checkNumber(input["temperature"], "input.temperature", { atLeast: 0 });
  checkNumber(input["topP"], "input.topP", { above: 0, atMost: 1 });
  checkNumber(input["seed"], "input.seed", { atLeast: 0, integer: true });
  checkNumber(input["frequencyPenalty"], "input.frequencyPenalty", { atLeast: -2, atMost: 2 });
  checkNumber(input["presencePenalty"], "input.presencePenalty", { atLeast: -2, atMost: 2 });
  checkNumber(input["topLogprobs"], "input.topLogprobs", { atLeast: 0, integer: true });
  checkNumber(input["n"], "input.n", { atLeast: 1, integer: true });
  const stop = input["stop"];
  if (stop !== undefined && typeof stop !== "string") requireStringArray(stop, "input.stop", 0);
  for (const name of ["stream", "logprobs"]) {
    if (input[name] !== undefined && typeof input[name] !== "boolean") {
      throw new InferenceInputError({ argument: `input.${name}`, message: `expected a boolean, got ${typeof input[name]}` });
    }
  }
  const tools = input["tools"];
  if (tools !== undefined && (!Array.isArray(tools) || !tools.every(isObject))) {
    throw new InferenceInputError({ argument: "input.tools", message: "expected an array of tools ({ type, function })" });
  }
}

function validateMessages(messages: unknown): void {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InferenceInputError({ argument: "input.messages", message: "expected a non-empty array of { role, content }" });
  }
  messages.forEach((message: unknown, index) => {
    const argument = `input.messages[${index}]`;
    if (!isObject(message)) throw new InferenceInputError({ argument, message: "expected an object { role, content }" });
    requireString(message["role"], `${argument}.role`);
    const content = message["content"];
    const toolCallsOnly = (content === undefined || content === null) && Array.isArray(message["tool_calls"]);
    if (typeof content !== "string" && !Array.isArray(content) && !toolCallsOnly) {
      throw new InferenceInputError({ argument: `${argument}.content`, message: "expected a string or an array of content parts" });
    }
  });
}

/** OpenAI's request body: `model` (default `"tgi"`), `messages` as given, the rest in snake_case when set. */
export function chatCompletionBody(input: ChatCompletionInput): Record<string, unknown> {
  const { messages, model, stream, ...parameters } = input;
  // Top-level names only: values (tools, response_format, logit_bias) go as given.
  return { model: model ?? "tgi", messages, ...snakeCaseParameters(parameters), ...(stream === true && { stream: true }) };
}
