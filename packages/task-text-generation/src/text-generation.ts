import {
  defineTask,
  expectOutput,
  InferenceInputError,
  isObject,
  requireString,
  splitOptions,
  toTextGenerationError,
  type InferenceCore,
  type InferenceResponse,
  type RequestOptions,
  type Task,
} from "@infer/core";
import { isModelKwargsError, isPlainModel, modelKey, rememberPlainModel, warnPlainModel, withoutTgiOnly } from "./plain-models.js";
import type { TextGenerationOptions } from "./text-generation-options.js";
import type { TextGenerationOutput, TextGenerationStreamEvent } from "./text-generation-output.js";
import { validateParameters, wireParameters, type TextGenerationCallParameters } from "./text-generation-parameters.js";
import { expectEventStream, streamEvents, streamTokens } from "./text-generation-stream.js";

const TASK = "text-generation";

/** Everything `textGeneration()` may resolve to, depending on `stream` and `details`. */
export type TextGenerationResult = string | TextGenerationOutput | AsyncIterable<string> | AsyncIterable<TextGenerationStreamEvent>;

/** `textGeneration` as a client method: its return type follows `stream` and `details`. */
export interface TextGenerationMethod {
  (prompt: string, options: TextGenerationOptions & { stream: true; details: true }): Promise<AsyncIterable<TextGenerationStreamEvent>>;
  (prompt: string, options: TextGenerationOptions & { stream: true; details?: false | undefined }): Promise<AsyncIterable<string>>;
  (prompt: string, options: TextGenerationOptions & { stream?: false | undefined; details: true }): Promise<TextGenerationOutput>;
  (prompt: string, options?: TextGenerationOptions & { stream?: false | undefined; details?: false | undefined }): Promise<string>;
  (prompt: string, options?: TextGenerationOptions): Promise<TextGenerationResult>;
}

/** `textGeneration` as a function of a client: its return type follows `stream` and `details`. */
export interface TextGenerationFunction {
  (client: InferenceCore, prompt: string, options: TextGenerationOptions & { stream: true; details: true }): Promise<AsyncIterable<TextGenerationStreamEvent>>;
  (client: InferenceCore, prompt: string, options: TextGenerationOptions & { stream: true; details?: false | undefined }): Promise<AsyncIterable<string>>;
  (client: InferenceCore, prompt: string, options: TextGenerationOptions & { stream?: false | undefined; details: true }): Promise<TextGenerationOutput>;
  (client: InferenceCore, prompt: string, options?: TextGenerationOptions & { stream?: false | undefined; details?: false | undefined }): Promise<string>;
  (client: InferenceCore, prompt: string, options?: TextGenerationOptions): Promise<TextGenerationResult>;
}

async function generate(client: InferenceCore, prompt: string, options?: TextGenerationOptions): Promise<TextGenerationResult> {
  requireString(prompt, "prompt");
  const { request, parameters } = splitOptions(options);
  validateParameters(parameters);
  const stream = parameters.stream === true;
  const model = request.model ?? client.options.model ?? (await client.getRecommendedModel(TASK, request));
  const key = modelKey(client, model);
  if (isPlainModel(key)) {
    if (stream) throw cannotStream(model);
    return readAnswer(await send(client, model, request, prompt, withoutTgiOnly(parameters).kept), parameters.details === true);
  }
  let response: InferenceResponse;
  try {
    response = await send(client, model, request, prompt, parameters);
  } catch (error) {
    if (!isModelKwargsError(error)) throw error;
    rememberPlainModel(key);
    if (stream) throw cannotStream(model, error);
    const { kept, dropped } = withoutTgiOnly(parameters);
    warnPlainModel(model, dropped);
    return readAnswer(await send(client, model, request, prompt, kept), parameters.details === true);
  }
  if (!stream) return readAnswer(response, parameters.details === true);
  await expectEventStream(response);
  return parameters.details === true ? streamEvents(response) : streamTokens(response);
}

async function send(
  client: InferenceCore,
  model: string,
  request: RequestOptions,
  prompt: string,
  parameters: TextGenerationCallParameters,
): Promise<InferenceResponse> {
  const wire = wireParameters(parameters);
  const stream = parameters.stream === true;
  const json = { inputs: prompt, ...(wire && { parameters: wire }), ...(stream && { stream: true }) };
  try {
    return await client.post({ task: TASK, model, json, stream }, request);
  } catch (error) {
    throw toTextGenerationError(error);
  }
}

async function readAnswer(response: InferenceResponse, details: boolean): Promise<string | TextGenerationOutput> {
  const body = await response.json();
  // The model's root route answers `[{generated_text}]`; TGI's `/generate` route the object itself.
  const first: unknown = Array.isArray(body) ? body[0] : body;
  expectOutput(isObject(first) && typeof first["generated_text"] === "string", TASK, "[{generated_text}]", body);
  const output = first as TextGenerationOutput;
  return details ? output : output.generated_text;
}

function cannotStream(model: string, cause?: unknown): InferenceInputError {
  return new InferenceInputError({
    argument: "options.stream",
    message: `${model} is not served by Text Generation Inference, so it cannot stream`,
    cause,
  });
}

/**
 * Generates text from a prompt. Resolves to the generated text; with `details: true` to TGI's whole answer
 * `{ generated_text, details }`; with `stream: true` to an `AsyncIterable` of token texts (of stream events
 * with `details: true`). TGI's errors are typed (`ValidationError`, `OverloadedError`, …).
 * @example
 * const text = await textGeneration(createClient(), "The answer to the universe is", { model: "gpt2" });
 * for await (const token of await textGeneration(client, "Once upon a time", { stream: true, maxNewTokens: 50 })) {
 *   process.stdout.write(token);
 * }
 */
export const textGeneration = defineTask(
  { taskName: TASK, methodName: "textGeneration" },
  generate as TextGenerationFunction,
) as Task<"textGeneration", TextGenerationFunction, TextGenerationMethod>;
