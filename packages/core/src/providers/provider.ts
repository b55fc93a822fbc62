import { PROVIDER_ROUTE } from "../client-symbols.js";
import type { Call } from "../call.js";
import type { InferenceCore, PostRequest } from "../client.js";
import type { RequestOptions } from "../options.js";
import type { InferenceResponse } from "../response.js";

/** The tasks a provider may serve, by their wire names. */
export type ProviderTask =
  | "chat-completion"
  | "text-generation"
  | "text-to-image"
  | "image-to-image"
  | "automatic-speech-recognition"
  | "text-to-speech"
  | "feature-extraction";

/** What a task asked for, in hf-inference's terms, as a provider's adapter sees it. */
export interface ProviderInput {
  /** The task, e.g. `"text-to-image"`. */
  readonly task: string;
  /** The Hub id the caller named. */
  readonly model: string;
  /** The provider's own id for the model (the mapping's `providerId`). */
  readonly providerId: string;
  /** The JSON body the task built for hf-inference (`{inputs, parameters}`, OpenAI's chat body, …), if any. */
  readonly json: Record<string, unknown> | undefined;
  /** The set parameters of the hf-inference body (`json.parameters`), snake_case; `{}` when none. */
  readonly parameters: Record<string, unknown>;
  /** Whether the caller asked for a stream. */
  readonly stream: boolean;
  /** Whether the call goes straight to the provider with its own key (else through the router). */
  readonly direct: boolean;
  /** The binary input (image, audio) whole: the task's `data`, or `json.inputs` decoded from base64. */
  binary(): Promise<{ bytes: Uint8Array; contentType: string | undefined }>;
}

/** The request a provider's adapter wants sent: a JSON POST to `path` under the provider's base. */
export interface ProviderRequest {
  /**
   * A route under the provider's base (`"/v1/chat/completions"`), or, for a call with the provider's own key, a
   * whole URL on another of its hosts (fal's `https://queue.fal.run/…`).
   */
  path: string;
  /** The JSON body. */
  body: unknown;
  /** Extra headers (e.g. replicate's `Prefer: wait`). */
  headers?: Record<string, string>;
}

/** What a provider's adapter may use while reading an answer. */
export interface AnswerTools {
  readonly input: ProviderInput;
  /** The URL the request went to (for telling same-origin polling URLs from others). */
  readonly requestUrl: string;
  /**
   * GETs a polling URL and parses its JSON: with the call's credentials when it is on the request's own
   * origin, without any when it is elsewhere.
   */
  poll(url: string): Promise<unknown>;
  /** Downloads a result URL (an image or audio on a CDN), never with the token. */
  download(url: string): Promise<Blob>;
  /** Waits between polls: abortable at once, and never past the call's timeout. */
  wait(ms: number): Promise<void>;
}

/** How a provider serves one task. */
export interface ProviderTaskAdapter {
  /** Builds the provider's request from the task's. */
  request(input: ProviderInput): ProviderRequest | Promise<ProviderRequest>;
  /**
   * Reads the provider's JSON answer into what the task reads: an image or audio `Blob`, `{text}`, embeddings,
   * `[{generated_text}]`. Absent, or for a call that asked for a stream: the answer is handed to the task as is
   * (OpenAI chat; OpenAI's completion chunks, which the text-generation task reads beside TGI's events).
   */
  answer?(body: unknown, tools: AnswerTools): Promise<Blob | unknown>;
}

/** How a provider is described to `defineProvider()`. */
export interface ProviderDefinition<Name extends string = string> {
  /** The provider's name in the router and the Hub's mapping, e.g. `"fal-ai"`. */
  providerName: Name;
  /** The provider's own API base, used with the provider's own key. */
  baseUrl: string;
  /** The header carrying the provider's own key. @default `Authorization: Bearer <key>` */
  authorize?: (key: string) => Record<string, string>;
  /**
   * `"direct"`: the provider is reached only with its own key, and model ids are the provider's (no mapping
   * look-up), as for openai.
   */
  access?: "direct";
  tasks: Partial<Record<ProviderTask, ProviderTaskAdapter>>;
}

export { PROVIDER_ROUTE };

/** A provider, as `with()` takes it beside tasks. */
export interface InferenceProvider<Name extends string = string> extends Readonly<ProviderDefinition<Name>> {
  /** @internal Core's routing through providers, carried by every provider so a client without one never bundles it. */
  readonly [PROVIDER_ROUTE]: (
    client: InferenceCore,
    call: Call,
    request: PostRequest,
    options: RequestOptions,
    model: string,
    choice: string,
  ) => Promise<InferenceResponse | undefined>;
}

/** True for a value made with `defineProvider()`. */
export function isProvider(value: unknown): value is InferenceProvider {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [PROVIDER_ROUTE]?: unknown })[PROVIDER_ROUTE] === "function"
  );
}
