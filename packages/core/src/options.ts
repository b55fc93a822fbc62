import type { Dispatcher } from "undici";
import type { FetchLike } from "./transport/fetch-transport.js";

/** Bounded retries for 429, 502, 503, 504 and dropped connections. */
export interface RetryOptions {
  /**
   * How many times a failed attempt is retried (a loading model's waits are bounded by `timeout` instead).
   * @default 2
   */
  retries?: number | undefined;
  /**
   * The first backoff delay in milliseconds; it doubles each attempt, with jitter.
   * @default 500
   */
  minDelay?: number | undefined;
  /**
   * The longest single wait in milliseconds, for backoff, `Retry-After` and a loading model's `estimated_time`.
   * @default 10000
   */
  maxDelay?: number | undefined;
}

/** Retry settings with every default filled in. */
export interface ResolvedRetry {
  retries: number;
  minDelay: number;
  maxDelay: number;
}

/** Where feature-extraction and sentence-similarity are routed. */
export type PipelineLayout =
  /** `{endpoint}/models/{model}/pipeline/{task}`: the Hugging Face router. */
  | "router"
  /** `{endpoint}/pipeline/{task}/{model}`: the older api-inference layout, spoken by many self-hosted servers. */
  | "legacy";

/** Options of `createClient()` and `new InferenceClient()`. */
export interface ClientOptions {
  /**
   * Default model: a Hub id, or a full `http(s)://` URL of an endpoint used as is.
   * @example "distilbert-base-uncased-finetuned-sst-2-english"
   */
  model?: string | undefined;
  /**
   * `string`: sent as `Authorization: Bearer`; `false`: none; absent: `$HF_TOKEN`, `$HUGGING_FACE_HUB_TOKEN`,
   * then the token file (see README).
   */
  token?: string | false | undefined;
  /**
   * Milliseconds until the answer starts, loading waits and retries included, then for reading a whole body;
   * a streamed body (`response.body`, task streams) is cut only after `timeout` ms without a byte. No
   * timeout when absent.
   */
  timeout?: number | undefined;
  /**
   * Base URL of the serverless API.
   * @default $HF_INFERENCE_ENDPOINT, else "https://router.huggingface.co/hf-inference"
   */
  endpoint?: string | undefined;
  /**
   * Route layout for feature-extraction and sentence-similarity.
   * @default "router" for Hugging Face's router, "legacy" for any other endpoint
   */
  pipelineLayout?: PipelineLayout | undefined;
  /**
   * Base URL of the Hub API (`/api/tasks`, `/api/models/{id}`).
   * @default $HF_ENDPOINT, else "https://huggingface.co"
   */
  hubEndpoint?: string | undefined;
  /** Extra headers; they override the defaults case-insensitively. */
  headers?: Record<string, string> | undefined;
  /** Aborts every call of this client. */
  signal?: AbortSignal | undefined;
  /**
   * Retries for 429/502/503/504 and dropped connections; `false` for none.
   * @default { retries: 2, minDelay: 500, maxDelay: 10000 }
   */
  retry?: RetryOptions | false | undefined;
  /** An undici `Dispatcher` (Node only), e.g. an `Agent` with your own pool settings. */
  dispatcher?: Dispatcher | undefined;
  /** A WHATWG `fetch` to send requests with, instead of undici. */
  fetch?: FetchLike | undefined;
  /**
   * The most sockets per origin of the client's own undici pool in Node; more concurrent calls queue.
   * Not used with a `dispatcher` or a `fetch`.
   * @default 64
   */
  connections?: number | undefined;
  /**
   * Who serves the calls: a provider's name (`"together"`, `"fal-ai"`; its package must be registered with
   * `with()`), `"hf-inference"`, or `"auto"` (the model's first live provider this client has; for chat, the
   * router's own choice).
   * @default "hf-inference" when `endpoint` (or `$HF_INFERENCE_ENDPOINT`) is set, else "auto"
   */
  provider?: ProviderChoice | undefined;
  /**
   * The Inference Providers router's base URL.
   * @default "https://router.huggingface.co"
   */
  routerEndpoint?: string | undefined;
  /**
   * An organisation to bill for calls through the router (`X-HF-Bill-To`).
   * @example "my-org"
   */
  billTo?: string | undefined;
}

/** A provider's name, `"hf-inference"` or `"auto"`. */
export type ProviderChoice =
  | "auto"
  | "hf-inference"
  | "black-forest-labs"
  | "baseten"
  | "cerebras"
  | "cohere"
  | "deepinfra"
  | "fal-ai"
  | "featherless-ai"
  | "fireworks-ai"
  | "groq"
  | "hyperbolic"
  | "nebius"
  | "novita"
  | "nscale"
  | "openai"
  | "ovhcloud"
  | "publicai"
  | "replicate"
  | "sambanova"
  | "scaleway"
  | "together"
  | "wavespeed"
  | "zai-org"
  | (string & {});

/** Options every task call takes as its last argument, beside the task's own parameters. */
export interface RequestOptions {
  /** The model for this call: a Hub id or an endpoint URL. */
  model?: string | undefined;
  /** Aborts this call. */
  signal?: AbortSignal | undefined;
  /** Milliseconds for this call; overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** Extra headers for this call; they override the client's. */
  headers?: Record<string, string> | undefined;
  /** The provider for this call; overrides the client's `provider`. */
  provider?: ProviderChoice | undefined;
}
