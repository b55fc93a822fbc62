import { setTimeout as sleep } from "node:timers/promises";
import { generate, type GenerationParameters } from "../generation.js";
import { ngrams } from "../ngrams.js";
import { json, jsonObject, RequestError, type Answer, type Backend, type RequestBody } from "./types.js";

export const LANGUAGE_MODEL_ID = "infer/aesop-trigram";

function validate(parameters: unknown, name = "parameters"): GenerationParameters {
  if (parameters === undefined || parameters === null) return {};
  if (typeof parameters !== "object" || Array.isArray(parameters))
    throw new RequestError(422, `\`${name}\` must be an object`, "validation");
  const value = parameters as Record<string, unknown>;
  const maxNewTokens = value["max_new_tokens"];
  if (
    maxNewTokens !== undefined &&
    maxNewTokens !== null &&
    !(Number.isInteger(maxNewTokens) && (maxNewTokens as number) > 0 && (maxNewTokens as number) <= 1024)
  ) {
    throw new RequestError(422, "`max_new_tokens` must be an integer from 1 to 1024", "validation");
  }
  for (const key of ["temperature", "seed"] as const) {
    if (value[key] !== undefined && value[key] !== null && typeof value[key] !== "number")
      throw new RequestError(422, `\`${key}\` must be a number`, "validation");
  }
  if (
    value["stop"] !== undefined &&
    !(Array.isArray(value["stop"]) && value["stop"].every((item) => typeof item === "string"))
  ) {
    throw new RequestError(422, "`stop` must be a list of strings", "validation");
  }
  return value as GenerationParameters;
}

/** TGI's `{inputs, parameters, stream}`: `[{generated_text, details?}]`, or SSE events of tokens. */
function textGeneration(body: RequestBody, tokenDelay: number, forceStream?: boolean): Answer {
  const object = jsonObject(body);
  if (typeof object["inputs"] !== "string") throw new RequestError(422, "`inputs` must be a string", "validation");
  const prompt = object["inputs"];
  const parameters = validate(object["parameters"]);
  const generation = generate(prompt, parameters);
  const prefix = parameters.return_full_text ? prompt : "";
  const details = (parameters as { details?: unknown }).details === true;
  const summary = {
    finish_reason: generation.finishReason,
    generated_tokens: generation.tokens.length,
    seed: generation.seed,
  };
  if (!(forceStream ?? object["stream"] === true)) {
    const answer: Record<string, unknown> = { generated_text: prefix + generation.text };
    if (details) answer["details"] = { ...summary, prefill: [], tokens: generation.tokens };
    return json([answer]);
  }
  async function* events() {
    for (const [index, token] of generation.tokens.entries()) {
      if (tokenDelay > 0) await sleep(tokenDelay);
      const last = index === generation.tokens.length - 1;
      yield { token, generated_text: last ? prefix + generation.text : null, details: last ? summary : null };
    }
  }
  return { kind: "events", events: events() };
}

interface Message {
  role: string;
  content: string;
}

/** OpenAI's chat completion: the last user message is the prompt; answers whole or as chunks. */
function chatCompletion(body: RequestBody, tokenDelay: number): Answer {
  const object = jsonObject(body);
  const messages = object["messages"];
  if (!Array.isArray(messages) || messages.length === 0)
    throw new RequestError(422, "`messages` must be a non-empty list", "validation");
  const parsed = messages.map((message, index): Message => {
    const { role, content } = (message ?? {}) as Record<string, unknown>;
    const text =
      typeof content === "string"
        ? content
        : Array.isArray(content)
          ? content
              .map((part) => (part as { text?: unknown })?.text)
              .filter((part) => typeof part === "string")
              .join(" ")
          : undefined;
    if (typeof role !== "string" || text === undefined)
      throw new RequestError(422, `\`messages[${index}]\` must be {role: string, content: string}`, "validation");
    return { role, content: text };
  });
  const maxTokens = object["max_tokens"] ?? object["max_completion_tokens"];
  const parameters = validate({
    max_new_tokens: maxTokens ?? 40,
    ...(typeof object["seed"] === "number" ? { seed: object["seed"], do_sample: true } : {}),
    ...(typeof object["temperature"] === "number" && object["temperature"] > 0
      ? { temperature: object["temperature"] }
      : {}),
    ...(Array.isArray(object["stop"])
      ? { stop: object["stop"] }
      : typeof object["stop"] === "string"
        ? { stop: [object["stop"]] }
        : {}),
  });
  const prompt = [...parsed].reverse().find((message) => message.role === "user")?.content ?? parsed.at(-1)!.content;
  // The answer continues the message's last words (without its closing punctuation), so it is about them.
  const generation = generate(prompt.replace(/[\s.,;:!?"')]+$/, ""), parameters);
  const text = generation.text.trimStart();
  const finishReason = generation.finishReason === "length" ? "length" : "stop";
  const id = `chatcmpl-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const model = typeof object["model"] === "string" ? object["model"] : LANGUAGE_MODEL_ID;
  const usage = {
    prompt_tokens: prompt.split(/\s+/).filter(Boolean).length,
    completion_tokens: generation.tokens.length,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  if (object["stream"] !== true) {
    return json({
      id,
      object: "chat.completion",
      created,
      model,
      system_fingerprint: "infer-server",
      choices: [
        { index: 0, message: { role: "assistant", content: text }, logprobs: null, finish_reason: finishReason },
      ],
      usage,
    });
  }
  async function* events() {
    for (const [index, token] of generation.tokens.entries()) {
      if (tokenDelay > 0) await sleep(tokenDelay);
      const content = index === 0 ? token.text.trimStart() : token.text;
      yield {
        id,
        object: "chat.completion.chunk",
        created,
        model,
        system_fingerprint: "infer-server",
        choices: [{ index: 0, delta: { role: "assistant", content }, logprobs: null, finish_reason: null }],
      };
    }
    yield {
      id,
      object: "chat.completion.chunk",
      created,
      model,
      system_fingerprint: "infer-server",
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }],
      usage,
    };
    yield "[DONE]";
  }
  return { kind: "events", events: events() };
}

/** The trigram language model; `tokenDelay` spaces streamed tokens so a stream looks like one. */
export function languageModel(tokenDelay: number): Backend {
  return {
    id: LANGUAGE_MODEL_ID,
    task: "text-generation",
    extraTasks: ["conversational"],
    packageName: "none (code in this package)",
    licence: "MIT (the corpus: Aesop's fables, Townsend's 1867 translation, public domain)",
    description:
      "A statistical trigram language model (a Markov chain over word trigrams, backing off to bigrams) counted when the model loads from ten Aesop's fables shipped in the package; it continues the last words of the prompt it knows, greedily with a repetition penalty, or sampled with `do_sample`/`seed`. Not a neural network.",
    framework: "text-generation-inference",
    estimatedLoadSeconds: 1,
    async load() {
      ngrams();
      return async (body, task) => {
        if (task === "chat-completion") return chatCompletion(body, tokenDelay);
        return textGeneration(
          body,
          tokenDelay,
          task === "text-generation-stream" ? true : task === "text-generation-whole" ? false : undefined,
        );
      };
    },
  };
}
