import {
  InferenceOutputError,
  type InferenceCore,
  type InferenceHTTPError,
  type InferenceResponse,
  type RequestOptions,
} from "@infer/core";
import {
  defineTask,
  expectEventStream,
  iterateOnce,
  isObject,
  postTgi,
  requireString,
  resolveModel,
  splitOptions,
} from "@infer/core/task-kit";
import { isModelKwargsError, modelKey, plainModels, warnPlainModel } from "./plain-models.js";
import type { TextGenerationOptions } from "./text-generation-options.js";
import type { TextGenerationOutput, TextGenerationStreamEvent } from "./text-generation-output.js";
import {
  rejectOption,
  validateParameters,
  wireParameters,
  type TextGenerationCallParameters,
} from "./text-generation-parameters.js";
import { streamEvents } from "./text-generation-stream.js";

const TASK = "text-generation";

/** Everything `textGeneration()` may resolve to, depending on `stream` and `details`. */
export type TextGenerationResult =
  | string
  | TextGenerationOutput
  | AsyncIterable<string>
  | AsyncIterable<TextGenerationStreamEvent>;

/** `textGeneration` as a client method: its return type follows `stream` and `details`. */
export interface TextGenerationMethod {
  (
    prompt: string,
    options: TextGenerationOptions & { stream: true; details: true },
  ): Promise<AsyncIterable<TextGenerationStreamEvent>>;
  (
    prompt: string,
    options: TextGenerationOptions & { stream: true; details?: false | undefined },
  ): Promise<AsyncIterable<string>>;
  (
    prompt: string,
    options: TextGenerationOptions & { stream?: false | undefined; details: true },
  ): Promise<TextGenerationOutput>;
  (
    prompt: string,
    options?: TextGenerationOptions & { stream?: false | undefined; details?: false | undefined },
  ): Promise<string>;
  // Options whose `stream` or `details` is only known as a boolean (a spread, a variable) keep what is known.
  (
    prompt: string,
    options: TextGenerationOptions & { stream: true },
  ): Promise<AsyncIterable<string> | AsyncIterable<TextGenerationStreamEvent>>;
  (
    prompt: string,
    options: TextGenerationOptions & { stream?: false | undefined },
  ): Promise<string | TextGenerationOutput>;
  (
    prompt: string,
    options: TextGenerationOptions & { details: true },
  ): Promise<TextGenerationOutput | AsyncIterable<TextGenerationStreamEvent>>;
  (
    prompt: string,
    options: TextGenerationOptions & { details?: false | undefined },
  ): Promise<string | AsyncIterable<string>>;
  (prompt: string, options?: TextGenerationOptions): Promise<TextGenerationResult>;
}

/** `textGeneration` as a function of a client: its return type follows `stream` and `details`. */
export interface TextGenerationFunction {
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { stream: true; details: true },
  ): Promise<AsyncIterable<TextGenerationStreamEvent>>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { stream: true; details?: false | undefined },
  ): Promise<AsyncIterable<string>>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { stream?: false | undefined; details: true },
  ): Promise<TextGenerationOutput>;
  (
    client: InferenceCore,
    prompt: string,
    options?: TextGenerationOptions & { stream?: false | undefined; details?: false | undefined },
  ): Promise<string>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { stream: true },
  ): Promise<AsyncIterable<string> | AsyncIterable<TextGenerationStreamEvent>>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { stream?: false | undefined },
  ): Promise<string | TextGenerationOutput>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { details: true },
  ): Promise<TextGenerationOutput | AsyncIterable<TextGenerationStreamEvent>>;
  (
    client: InferenceCore,
    prompt: string,
    options: TextGenerationOptions & { details?: false | undefined },
  ): Promise<string | AsyncIterable<string>>;
  (client: InferenceCore, prompt: string, options?: TextGenerationOptions): Promise<TextGenerationResult>;
}

async function generate(
  client: InferenceCore,
  prompt: string,
  options?: TextGenerationOptions,
): Promise<TextGenerationResult> {
  requireString(prompt, "prompt");
  const { request, parameters } = splitOptions(options);
  validateParameters(parameters);
  const { details, stream } = parameters;
  const model = await resolveModel(client, request, TASK);
  const key = modelKey(client, model);
  let response: InferenceResponse | undefined;
  // The error that found the model not to be TGI, on this call.
  let found: InferenceHTTPError | undefined;
  if (!plainModels.has(key)) {
    try {
      response = await send(client, model, request, prompt, parameters, false);
    } catch (error) {
      if (!isModelKwargsError(error)) throw error;
      plainModels.add(key);
      found = error;
    }
  }
  if (!response) {
    if (stream)
      rejectOption("stream", `${model} is not served by Text Generation Inference, so it cannot stream`, found);
    if (found) warnPlainModel(model, parameters);
    response = await send(client, model, request, prompt, parameters, true);
  }
  if (stream) {
    await expectEventStream(response, "text-generation");
    // Events with `details`, token texts without: which one is up to the caller's overload.
    return iterateOnce(streamEvents(response, details === true), TASK) as
      | AsyncIterable<string>
      | AsyncIterable<TextGenerationStreamEvent>;
  }
  const body = await response.json();
  // The model's root route answers `[{generated_text}]`; TGI's `/generate` route the object itself.
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (!isObject(first) || typeof first["generated_text"] !== "string") {
    throw new InferenceOutputError({ task: TASK, expected: "[{generated_text}]", body });
  }
  const output = first as unknown as TextGenerationOutput;
  return details ? output : output.generated_text;
}

/** Sends the prompt and the parameters (without the TGI-only ones for a `plain` model); TGI's errors typed. */
async function send(
  client: InferenceCore,
  model: string,
  request: RequestOptions,
  prompt: string,
  parameters: TextGenerationCallParameters,
  plain: boolean,
): Promise<InferenceResponse> {
  const stream = parameters.stream === true;
  // JSON leaves out what is undefined: `parameters` when none is set, `stream` unless it is true.
  const json = { inputs: prompt, parameters: wireParameters(parameters, plain), stream: stream || undefined };
  return postTgi(client, { task: TASK, model, json, stream }, request);
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
export const textGeneration = defineTask<"textGeneration", TextGenerationFunction, TextGenerationMethod>(
  { taskName: TASK, methodName: "textGeneration" },
  generate as TextGenerationFunction,
);
