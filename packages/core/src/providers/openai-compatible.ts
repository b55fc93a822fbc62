import { base64ToBytes } from "../base64.js";
import { InferenceOutputError } from "../errors/output-error.js";
import { imageBlob } from "./media.js";
import type { ProviderInput, ProviderTaskAdapter } from "./provider.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function set(target: Record<string, unknown>, name: string, value: unknown): void {
  if (value !== undefined) target[name] = value;
}

/** OpenAI's chat route: the task's body with the provider's model id; the answer and the stream as they come. */
export function openAiChat(path: string, extraHeaders?: Record<string, string>): ProviderTaskAdapter {
  return {
    request: (input) => ({
      path,
      body: { ...input.json, model: input.providerId },
      ...(extraHeaders ? { headers: extraHeaders } : {}),
    }),
  };
}

/** TGI's generation parameters that OpenAI's routes take, renamed; `stream` asks for OpenAI's chunks. */
function completionParameters(input: ProviderInput, body: Record<string, unknown>): Record<string, unknown> {
  const parameters = input.parameters;
  set(body, "max_tokens", parameters["max_new_tokens"]);
  for (const name of ["temperature", "top_p", "top_k", "seed", "stop", "repetition_penalty", "frequency_penalty"])
    set(body, name, parameters[name]);
  if (input.stream) body["stream"] = true;
  return body;
}

/** The one answer of a completion, as TGI shapes it: `[{generated_text}]`. */
function generated(text: unknown, body: unknown, task: string): { generated_text: string }[] {
  if (typeof text !== "string") throw new InferenceOutputError({ task, expected: "{choices: [{text}]}", body });
  return [{ generated_text: text }];
}

/**
 * OpenAI's completions route for text-generation: `{model, prompt, max_tokens, …}` → `choices[0].text`; with
 * `stream`, its chunks as they come (the text-generation task reads them as TGI's stream events).
 */
export function openAiCompletions(path: string): ProviderTaskAdapter {
  return {
    request: (input) => ({
      path,
      body: completionParameters(input, { model: input.providerId, prompt: input.json?.["inputs"] }),
    }),
    answer: async (body, tools) => {
      const choice = isRecord(body) && Array.isArray(body["choices"]) ? body["choices"][0] : undefined;
      return generated(isRecord(choice) ? choice["text"] : undefined, body, tools.input.task);
    },
  };
}

/**
 * Text-generation through a chat route, the prompt as the one user message (hyperbolic); with `stream`, its
 * chunks as they come.
 */
export function openAiChatCompletions(path: string): ProviderTaskAdapter {
  return {
    request: (input) => ({
      path,
      body: completionParameters(input, {
        model: input.providerId,
        messages: [{ role: "user", content: input.json?.["inputs"] }],
      }),
    }),
    answer: async (body, tools) => {
      const choice = isRecord(body) && Array.isArray(body["choices"]) ? body["choices"][0] : undefined;
      const message = isRecord(choice) ? choice["message"] : undefined;
      return generated(isRecord(message) ? message["content"] : undefined, body, tools.input.task);
    },
  };
}

/** OpenAI's embeddings route: `{model, input}` → `data[].embedding`, one vector per text. */
export function openAiEmbeddings(path: string): ProviderTaskAdapter {
  return {
    request: (input) => ({ path, body: { model: input.providerId, input: input.json?.["inputs"] } }),
    answer: async (body, tools) => {
      const data = isRecord(body) ? body["data"] : undefined;
      const vectors = Array.isArray(data) ? data.map((item) => (isRecord(item) ? item["embedding"] : undefined)) : [];
      if (vectors.length === 0 || !vectors.every((vector) => Array.isArray(vector))) {
        throw new InferenceOutputError({ task: tools.input.task, expected: "{data: [{embedding}]}", body });
      }
      return Array.isArray(tools.input.json?.["inputs"]) ? vectors : vectors[0];
    },
  };
}

/** A base64 image (plain or a `data:` URL) as a Blob. */
export function base64Image(value: unknown, task: string, body: unknown): Blob {
  if (typeof value !== "string" || value === "")
    throw new InferenceOutputError({ task, expected: "a base64 image", body });
  const comma = value.startsWith("data:") ? value.indexOf(",") : -1;
  return imageBlob(base64ToBytes(value.slice(comma + 1)));
}

/**
 * OpenAI's images route for text-to-image: `{prompt, model, response_format, …}` → `data[0].b64_json`.
 * `rename` maps hf-inference's parameter names to the provider's (`num_inference_steps` → `steps`).
 */
export function openAiImages(
  path: string,
  responseFormat: "b64_json" | "base64",
  rename: Record<string, string> = {},
): ProviderTaskAdapter {
  return {
    request: (input) => {
      const body: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(input.parameters)) set(body, rename[name] ?? name, value);
      return {
        path,
        body: { ...body, prompt: input.json?.["inputs"], model: input.providerId, response_format: responseFormat },
      };
    },
    answer: async (body, tools) => {
      const data = isRecord(body) ? body["data"] : undefined;
      const first = Array.isArray(data) ? data[0] : undefined;
      return base64Image(isRecord(first) ? first["b64_json"] : undefined, tools.input.task, body);
    },
  };
}
