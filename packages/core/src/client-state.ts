import { InferenceInputError } from "./errors/input-error.js";
import { mergeHeaders } from "./headers.js";
import type { ClientOptions, PipelineLayout, ResolvedRetry } from "./options.js";
import type { Platform } from "./platform/platform.js";
import { lookupToken } from "./token.js";
import type { Transport } from "./transport/transport.js";
import { DEFAULT_ENDPOINT, DEFAULT_HUB_ENDPOINT, defaultPipelineLayout, trimSlashes } from "./url.js";

/** What every client made from one `createClient()` shares, `with()` copies included. */
export interface ClientState {
  readonly options: Readonly<ClientOptions>;
  readonly platform: Platform;
  readonly transport: Transport;
  readonly endpoint: string;
  readonly hubEndpoint: string;
  readonly pipelineLayout: PipelineLayout;
  /** Platform defaults, then the client's headers; lower-case names. */
  readonly headers: Record<string, string>;
  readonly retry: ResolvedRetry | undefined;
  /** The token, looked up at most once. */
  token(): string | undefined;
}

const DEFAULT_RETRY: ResolvedRetry = { retries: 2, minDelay: 500, maxDelay: 10_000 };

export function createState(options: ClientOptions, platform: Platform): ClientState {
  validateOptions(options);
  const endpoint = trimSlashes(options.endpoint ?? platform.env("HF_INFERENCE_ENDPOINT") ?? DEFAULT_ENDPOINT);
  let token: string | undefined;
  let tokenKnown = false;
  return {
    options: Object.freeze({ ...options }),
    platform,
    transport: platform.defaultTransport(options),
    endpoint,
    hubEndpoint: trimSlashes(options.hubEndpoint ?? platform.env("HF_ENDPOINT") ?? DEFAULT_HUB_ENDPOINT),
    pipelineLayout: options.pipelineLayout ?? defaultPipelineLayout(endpoint),
    headers: mergeHeaders({ ...platform.defaultHeaders }, options.headers),
    retry:
      options.retry === false
        ? undefined
        : {
            retries: options.retry?.retries ?? DEFAULT_RETRY.retries,
            minDelay: options.retry?.minDelay ?? DEFAULT_RETRY.minDelay,
            maxDelay: options.retry?.maxDelay ?? DEFAULT_RETRY.maxDelay,
          },
    token() {
      if (!tokenKnown) {
        token = options.token === false ? undefined : (options.token ?? lookupToken(platform));
        tokenKnown = true;
      }
      return token;
    },
  };
}

function validateOptions(options: ClientOptions): void {
  if (options === null || typeof options !== "object") {
    throw new InferenceInputError({ argument: "options", message: "expected an options object" });
  }
  const { token, timeout, endpoint, hubEndpoint, retry, pipelineLayout } = options;
  if (token !== undefined && token !== false && typeof token !== "string") {
    throw new InferenceInputError({ argument: "options.token", message: "expected a string or false" });
  }
  if (timeout !== undefined && !(typeof timeout === "number" && Number.isFinite(timeout) && timeout >= 0)) {
    throw new InferenceInputError({ argument: "options.timeout", message: `expected milliseconds (a number ≥ 0), got ${String(timeout)}` });
  }
  for (const [name, value] of [["endpoint", endpoint], ["hubEndpoint", hubEndpoint]] as const) {
    if (value !== undefined && !/^https?:\/\/[^/]/.test(value)) {
      throw new InferenceInputError({ argument: `options.${name}`, message: `expected an http(s) URL, got ${String(value)}` });
    }
  }
  if (pipelineLayout !== undefined && pipelineLayout !== "router" && pipelineLayout !== "legacy") {
    throw new InferenceInputError({ argument: "options.pipelineLayout", message: `expected "router" or "legacy"` });
  }
  if (retry !== undefined && retry !== false) {
    for (const key of ["retries", "minDelay", "maxDelay"] as const) {
      const value = retry[key];
      if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
        throw new InferenceInputError({ argument: `options.retry.${key}`, message: "expected a number ≥ 0" });
      }
    }
  }
}
