import { InferenceInputError } from "./errors/input-error.js";
import { mergeHeaders } from "./headers.js";
import type { ClientOptions, PipelineLayout, ResolvedRetry } from "./options.js";
import type { Platform } from "./platform/platform.js";
import type { SendContext } from "./send.js";
import { rememberSecret } from "./redaction.js";
import type { Transport } from "./transport/transport.js";
import { DEFAULT_HUB_ENDPOINT, DEFAULT_ROUTER_ENDPOINT, defaultPipelineLayout, trimSlashes } from "./url.js";

/** What every client made from one `createClient()` shares, `with()` copies included. */
export interface ClientState {
  readonly options: Readonly<ClientOptions>;
  readonly platform: Platform;
  readonly transport: Transport;
  readonly endpoint: string;
  /** Whether `endpoint` was chosen (the option or `$HF_INFERENCE_ENDPOINT`): the default provider is then hf-inference. */
  readonly endpointSet: boolean;
  /** The Inference Providers router's base, without a trailing slash. */
  readonly routerEndpoint: string;
  readonly hubEndpoint: string;
  readonly pipelineLayout: PipelineLayout;
  /** Platform defaults, then the client's headers; lower-case names. */
  readonly headers: Record<string, string>;
  readonly retry: ResolvedRetry | undefined;
  /** The token, looked up at most once. */
  token(): string | undefined;
  /** Where the token came from (or why there is none), for a 401/403's message. */
  tokenSource(): string;
  /** `headers` plus `authorization` when a token is known, built once. */
  authorizedHeaders(): Readonly<Record<string, string>>;
  /** The headers of a JSON call with no headers of its own (`authorizedHeaders()` and the JSON content type), built once, frozen. */
  jsonHeaders(): Record<string, string>;
  /** What `send()` needs of this client, built once. */
  sendContext(): SendContext;
}

const DEFAULT_RETRY: ResolvedRetry = { retries: 2, minDelay: 500, maxDelay: 10_000 };

export function createState(options: ClientOptions, platform: Platform): ClientState {
  validateOptions(options);
  const chosenEndpoint = options.endpoint ?? platform.env("HF_INFERENCE_ENDPOINT");
  const routerEndpoint = trimSlashes(options.routerEndpoint ?? DEFAULT_ROUTER_ENDPOINT);
  const endpoint = chosenEndpoint !== undefined ? trimSlashes(chosenEndpoint) : `${routerEndpoint}/hf-inference`;
  let token: string | undefined;
  let tokenSource = "none";
  let tokenKnown = false;
  let authorized: Record<string, string> | undefined;
  let json: Record<string, string> | undefined;
  let context: SendContext | undefined;
  const headers = mergeHeaders({ ...platform.defaultHeaders }, options.headers);
  return {
    options: safeOptions(options),
    platform,
    transport: platform.defaultTransport(options),
    endpoint,
    endpointSet: chosenEndpoint !== undefined,
    routerEndpoint,
    hubEndpoint: trimSlashes(options.hubEndpoint ?? platform.env("HF_ENDPOINT") ?? DEFAULT_HUB_ENDPOINT),
    // An endpoint derived from the router's is the router's layout, wherever the router is.
    pipelineLayout:
      options.pipelineLayout ?? (chosenEndpoint === undefined ? "router" : defaultPipelineLayout(endpoint)),
    headers,
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
        if (options.token === false) tokenSource = "false";
        else if (options.token !== undefined) {
          token = options.token;
          tokenSource = "the `token` option";
        } else ({ token, source: tokenSource } = platform.lookupToken());
        rememberSecret(token);
        tokenKnown = true;
      }
      return token;
    },
    tokenSource() {
      this.token();
      return tokenSource;
    },
    authorizedHeaders() {
      if (authorized === undefined) {
        const token = this.token();
        authorized = token === undefined ? headers : { ...headers, authorization: `Bearer ${token}` };
      }
      return authorized;
    },
    jsonHeaders() {
      json ??= Object.freeze(
        mergeHeaders({ ...this.authorizedHeaders(), "content-type": "application/json" }, options.headers),
      );
      return json;
    },
    sendContext() {
      context ??= {
        transport: this.transport,
        retry: this.retry,
        token: this.token(),
        tokenSource: this.tokenSource(),
        connectionFailure: platform.connectionFailure,
      };
      return context;
    },
  };
}

/** The prototype of a client's options: `JSON.stringify` (and, in Node, `util.inspect`) mask the token. */
export const optionsPrototype = {
  toJSON(this: ClientOptions): Record<string, unknown> {
    return typeof this.token === "string" ? { ...this, token: "hf_***" } : { ...this };
  },
};

/** The options, frozen, with the token masked in `JSON.stringify` and `util.inspect`. */
function safeOptions(options: ClientOptions): Readonly<ClientOptions> {
  if (typeof options.token === "string") rememberSecret(options.token);
  return Object.freeze(Object.assign(Object.create(optionsPrototype) as ClientOptions, options));
}

function validateOptions(options: ClientOptions): void {
  if (options === null || typeof options !== "object") fail("options", "an options object");
  const { token, timeout, endpoint, hubEndpoint, retry, pipelineLayout, connections, routerEndpoint } = options;
  if (connections !== undefined && !(Number.isInteger(connections) && connections >= 1))
    fail("options.connections", "an integer ≥ 1");
  if (token !== undefined && token !== false && typeof token !== "string") fail("options.token", "a string or false");
  if (timeout !== undefined && !isCount(timeout)) fail("options.timeout", "milliseconds (a number ≥ 0)");
  if (endpoint !== undefined && !isHttpUrl(endpoint)) fail("options.endpoint", "an http(s) URL");
  if (hubEndpoint !== undefined && !isHttpUrl(hubEndpoint)) fail("options.hubEndpoint", "an http(s) URL");
  if (routerEndpoint !== undefined && !isHttpUrl(routerEndpoint)) fail("options.routerEndpoint", "an http(s) URL");
  if (pipelineLayout !== undefined && pipelineLayout !== "router" && pipelineLayout !== "legacy") {
    fail("options.pipelineLayout", `"router" or "legacy"`);
  }
  if (retry) {
    for (const key of ["retries", "minDelay", "maxDelay"] as const) {
      if (retry[key] !== undefined && !isCount(retry[key])) fail(`options.retry.${key}`, "a number ≥ 0");
    }
  }
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && Number.isFinite(value);
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\/[^/]/.test(value);
}

function fail(argument: string, expected: string): never {
  throw new InferenceInputError({ argument, message: `expected ${expected}` });
}
