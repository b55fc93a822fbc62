import { cosine, embed } from "./embeddings.js";
import { fillMask, MASK_TOKENS } from "./fill-mask.js";
import { generate, type GenerationParameters } from "./generation.js";
import { classifySentiment } from "./sentiment.js";
import { summarize } from "./summarization.js";

/** What a task answers: JSON with a status, or a generation to stream or to answer whole. */
export type TaskAnswer =
  | { kind: "json"; status: number; body: unknown }
  | { kind: "generation"; prompt: string; parameters: GenerationParameters; stream: boolean; details: boolean };

type TaskHandler = (body: Record<string, unknown>) => TaskAnswer;

const json = (body: unknown, status = 200): TaskAnswer => ({ kind: "json", status, body });
const error = (message: string, status = 400, errorType?: string): TaskAnswer =>
  json(errorType ? { error: message, error_type: errorType } : { error: message }, status);

/**
 * Applies a per-text task to `inputs`, a string or a list of strings (the API answers one per text);
 * `listOne` wraps a single text's answer in a list too, as the API does for most tasks.
 */
function perText(body: Record<string, unknown>, run: (text: string) => unknown, listOne = true): TaskAnswer {
  const { inputs } = body;
  if (typeof inputs === "string") return json(listOne ? [run(inputs)] : run(inputs));
  if (Array.isArray(inputs) && inputs.length > 0 && inputs.every((item) => typeof item === "string")) return json(inputs.map(run));
  return error("`inputs` must be a string or a list of strings");
}

export const TASK_HANDLERS: Record<string, TaskHandler> = {
  "text-classification": (body) => perText(body, classifySentiment),
  "fill-mask": (body) => {
    if (typeof body["inputs"] !== "string") return error("`inputs` must be a string");
    const candidates = fillMask(body["inputs"]);
    return candidates ? json(candidates) : error(`No mask_token (${MASK_TOKENS[0]}) found on the input`);
  },
  "feature-extraction": (body) => perText(body, embed, false),
  "sentence-similarity": (body) => {
    const inputs = body["inputs"] as { source_sentence?: unknown; sentences?: unknown } | undefined;
    const source = inputs?.source_sentence;
    const others = inputs?.sentences;
    if (typeof source !== "string" || !Array.isArray(others) || !others.every((item) => typeof item === "string")) {
      return error("`inputs` must be {source_sentence: string, sentences: string[]}");
    }
    const vector = embed(source);
    return json(others.map((sentence: string) => cosine(vector, embed(sentence))));
  },
  summarization: (body) => {
    const parameters = (body["parameters"] ?? {}) as { max_length?: unknown };
    const maxLength = typeof parameters.max_length === "number" ? parameters.max_length : undefined;
    return perText(body, (text) => ({ summary_text: summarize(text, maxLength) }));
  },
  "text-generation": (body) => {
    if (typeof body["inputs"] !== "string") return error("`inputs` must be a string", 422, "validation");
    const parameters = (body["parameters"] ?? {}) as GenerationParameters & { details?: boolean };
    const maxNewTokens = parameters.max_new_tokens;
    if (maxNewTokens !== undefined && !(Number.isInteger(maxNewTokens) && maxNewTokens > 0 && maxNewTokens <= 512)) {
      return error("`max_new_tokens` must be an integer from 1 to 512", 422, "validation");
    }
    return { kind: "generation", prompt: body["inputs"], parameters, stream: body["stream"] === true, details: parameters.details === true };
  },
};

/** The stand-in models, by Hub-style id, with the task each serves. */
export const MODELS: Record<string, string> = {
  "infer/lexicon-sentiment": "text-classification",
  "infer/ngram-fill-mask": "fill-mask",
  "infer/hashed-embeddings": "feature-extraction",
  "infer/markov-generator": "text-generation",
  "infer/extractive-summarizer": "summarization",
};

/** Tasks a model serves besides its own, on the pipeline routes. */
export const EXTRA_TASKS: Record<string, readonly string[]> = {
  "infer/hashed-embeddings": ["sentence-similarity"],
};

/** The generation's answer when it is not streamed: `[{generated_text, details?}]`. */
export function generationBody(prompt: string, parameters: GenerationParameters, details: boolean): unknown {
  const generation = generate(prompt, parameters);
  const text = parameters.return_full_text ? prompt + generation.text : generation.text;
  const answer: Record<string, unknown> = { generated_text: text };
  if (details) {
    answer["details"] = {
      finish_reason: generation.finishReason,
      generated_tokens: generation.tokens.length,
      seed: generation.seed,
      prefill: [],
      tokens: generation.tokens,
    };
  }
  return [answer];
}
