import { InferenceInputError } from "@infer/core";
import { checkNumber, isObject, requireString, requireStringArray, snakeCaseParameters } from "@infer/core/task-kit";
import type { ChatCompletionInput } from "./chat-completion-input.js";

/** How a value is checked: a boolean, a string or an array of strings, or a number within bounds (`checkNumber`'s). */
type Check = "boolean" | "stop" | Parameters<typeof checkNumber>[2];

const NON_NEGATIVE_INTEGER = { atLeast: 0, integer: true };
const PENALTY = { atLeast: -2, atMost: 2 };

/** The parameters checked, in the order they are checked (the others are sent as given). */
const CHECKS: { readonly [Name in keyof ChatCompletionInput]?: Check } = {
  maxTokens: { above: 0, integer: true },
  temperature: { atLeast: 0 },
  topP: { above: 0, atMost: 1 },
  seed: NON_NEGATIVE_INTEGER,
  frequencyPenalty: PENALTY,
  presencePenalty: PENALTY,
  topLogprobs: NON_NEGATIVE_INTEGER,
  n: { atLeast: 1, integer: true },
  stop: "stop",
  stream: "boolean",
  logprobs: "boolean",
};

/** Checks the request before it is sent; the argument at fault is named, e.g. `"input.messages[1].role"`. */
export function validateInput(input: unknown): asserts input is ChatCompletionInput {
  if (!isObject(input)) reject("input", "expected an object with `messages`");
  const messages = input["messages"];
  if (!Array.isArray(messages) || messages.length === 0)
    reject("input.messages", "expected a non-empty array of { role, content }");
  messages.forEach((message: unknown, index) => {
    const argument = `input.messages[${index}]`;
    if (!isObject(message)) reject(argument, "expected an object { role, content }");
    requireString(message["role"], `${argument}.role`);
    const content = message["content"];
    const toolCallsOnly = content == null && Array.isArray(message["tool_calls"]);
    if (typeof content !== "string" && !Array.isArray(content) && !toolCallsOnly) {
      reject(`${argument}.content`, "expected a string or an array of content parts");
    }
  });
  if (input["model"] !== undefined) requireString(input["model"], "input.model");
  for (const [name, check] of Object.entries(CHECKS)) {
    const value = input[name];
    const argument = `input.${name}`;
    if (check === "boolean") {
      if (value !== undefined && typeof value !== "boolean")
        reject(argument, `expected a boolean, got ${typeof value}`);
    } else if (check === "stop") {
      if (value !== undefined && typeof value !== "string") requireStringArray(value, argument, 0);
    } else {
      checkNumber(value, argument, check);
    }
  }
  const tools = input["tools"];
  if (tools !== undefined && (!Array.isArray(tools) || !tools.every(isObject))) {
    reject("input.tools", "expected an array of tools ({ type, function })");
  }
}

function reject(argument: string, message: string): never {
  throw new InferenceInputError({ argument, message });
}

/** OpenAI's request body: `model` (default `"tgi"`), `messages` as given, the rest in snake_case when set. */
export function chatCompletionBody(input: ChatCompletionInput): Record<string, unknown> {
  const { messages, model, stream, ...parameters } = input;
  // Top-level names only: values (tools, response_format, logit_bias) go as given.
  // JSON leaves out `stream: undefined`, so it is sent only when true.
  return { model: model ?? "tgi", messages, ...snakeCaseParameters(parameters), stream: stream === true || undefined };
}
