import type { BinaryInput, BinarySources, PreparedBinary } from "./binary.js";
import { Call } from "./call.js";
import type { ClientState } from "./client-state.js";
import { PROVIDER_ROUTE, PROVIDERS, STATE } from "./client-symbols.js";
import { InferenceInputError } from "./errors/input-error.js";
import { mergeHeaders } from "./headers.js";
import type { ClientOptions, RequestOptions } from "./options.js";
import { CallResponse, type InferenceResponse } from "./response.js";
import { send, type SendRequest } from "./send.js";
import type { InferenceProvider } from "./providers/provider.js";
import type { AnyTaskFunction, TaskIdentity, TaskMethods } from "./task.js";
import { appendPath, isUrl, modelUrl } from "./url.js";

/** A request for `client.post()`. */
export interface PostRequest {
  /** A JSON body. */
  json?: unknown;
  /** A raw binary body: bytes, a Blob, a stream, a path or an http(s) URL. */
  data?: BinaryInput | undefined;
  /** The model: a Hub id or an endpoint URL. Falls back to the call's, then the client's, then the task's recommended model. */
  model?: string | undefined;
  /** The task, for routing (feature-extraction and sentence-similarity) and the recommended model. */
  task?: string | undefined;
  /** Ask for Server-Sent Events (`Accept: text/event-stream`); read them with `parseServerSentEvents(response.body)`. */
  stream?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** A route appended to the model's URL, such as `"/v1/chat/completions"`. */
  path?: string | undefined;
  /** Headers of this request, below the client's and the call's. */
  headers?: Record<string, string> | undefined;
  /** The argument name `data` came from, for error messages. @default "data" */
  dataArgument?: string | undefined;
  /**
   * The task as Inference Providers know it, when it differs from `task` (chat sends `task: "text-generation"`
   * for the recommended model, and `providerTask: "chat-completion"`).
   */
  providerTask?: string | undefined;
}

const TASKS = Symbol.for("@infer/core.client-tasks");
const RESERVED = new Set([
  "post",
  "with",
  "getJson",
  "readBinary",
  "getRecommendedModel",
  "getModelStatus",
  "listDeployedModels",
  "options",
  "endpoint",
  "providers",
  "constructor",
  "toJSON",
]);

/** A provider's own key never goes to the router: it would be useless there, and it is not the router's. */
export function routerToken(token: string | undefined): void {
  if (token !== undefined && !token.startsWith("hf_")) {
    throw new InferenceInputError({
      argument: "provider",
      message: "a provider's own key goes only to that provider: pass `provider`",
    });
  }
}

/** The client every task receives: options, `post()`, the Hub look-ups, and `with()` to gain task methods. */
export class InferenceCore {
  /** @internal */
  declare readonly [STATE]: ClientState;
  declare private readonly [TASKS]: readonly TaskIdentity[];
  /** @internal */
  declare readonly [PROVIDERS]: readonly InferenceProvider[];

  /** @internal Use `createClient()` or `new InferenceClient()`. */
  constructor(state: ClientState, providers: readonly InferenceProvider[] = []) {
    // Not enumerable: `inspect(client)` and `console.log(client)` show none of the state, whatever the depth
    // (the Node entry's inspect hook masks the token besides).
    Object.defineProperty(this, STATE, { value: state });
    Object.defineProperty(this, TASKS, { value: [] });
    Object.defineProperty(this, PROVIDERS, { value: providers });
  }

  /** The names of the providers registered on this client (hf-inference is built in and not listed). */
  get providers(): readonly string[] {
    return this[PROVIDERS].map((provider) => provider.providerName);
  }

  /** `JSON.stringify(client)`: the endpoint, the options (token masked) and the tasks, never the token. */
  toJSON(): { endpoint: string; options: unknown; tasks: string[] } {
    const options = this[STATE].options as { toJSON?: () => unknown };
    return {
      endpoint: this.endpoint,
      options: options.toJSON?.() ?? options,
      tasks: this[TASKS].map((task) => task.methodName),
    };
  }

  /** The options this client was created with. */
  get options(): Readonly<ClientOptions> {
    return this[STATE].options;
  }

  /** The serverless API base this client calls: the `endpoint` option, else `$HF_INFERENCE_ENDPOINT`, else the default. */
  get endpoint(): string {
    return this[STATE].endpoint;
  }

  /**
   * Returns a new client with a method for each task, and the providers given; this client is left as it was.
   * @example createClient().with(textToImage, textGeneration).textToImage("An astronaut riding a horse")
   * @example createClient().with(textToImage, together).textToImage("An astronaut", { provider: "together" })
   */
  with<const Tasks extends readonly ((AnyTaskFunction & TaskIdentity) | InferenceProvider)[]>(
    ...tasks: Tasks
  ): this & TaskMethods<Tasks> {
    const all = [...this[TASKS]];
    let providers = this[PROVIDERS];
    for (const task of tasks as readonly unknown[]) {
      if ((task as InferenceProvider)[PROVIDER_ROUTE]) {
        const provider = task as InferenceProvider;
        providers = [...providers.filter((known) => known.providerName !== provider.providerName), provider];
        continue;
      }
      if (
        typeof task !== "function" ||
        typeof (task as unknown as TaskIdentity).methodName !== "string" ||
        RESERVED.has((task as unknown as TaskIdentity).methodName)
      ) {
        throw new InferenceInputError({
          argument: "tasks",
          message: "expected tasks made with defineTask() or providers made with defineProvider()",
        });
      }
      const identity = task as AnyTaskFunction & TaskIdentity;
      const index = all.findIndex((known) => known.methodName === identity.methodName);
      if (index === -1) all.push(identity);
      else all[index] = identity;
    }
    const next = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.defineProperty(next, STATE, { value: this[STATE] });
    Object.defineProperty(next, TASKS, { value: all });
    Object.defineProperty(next, PROVIDERS, { value: providers });
    defineTaskMethods(next, all as (AnyTaskFunction & TaskIdentity)[]);
    return next as this & TaskMethods<Tasks>;
  }

  /**
   * Sends a request to a model and resolves to the response once its status is below 400, having waited
   * out a loading model and retried what can be retried. Rejects with `InferenceHTTPError` otherwise.
   */
  async post(request: PostRequest, options: RequestOptions = {}): Promise<InferenceResponse> {
    const state = this[STATE];
    const call = newCall(this, options, request.signal);
    try {
      if (request.json !== undefined && request.data !== undefined) {
        throw new InferenceInputError({ argument: "request", message: "give `json` or `data`, not both" });
      }
      if (request.dataArgument !== undefined && request.data === undefined) {
        throw new InferenceInputError({ argument: request.dataArgument, message: "expected a value, got undefined" });
      }
      // Inputs are checked before any request, the recommended-model look-up included.
      let body: PreparedBinary | undefined;
      if (request.json !== undefined) {
        const json = JSON.stringify(request.json);
        body = { open: () => json, contentType: "application/json", size: undefined };
      } else if (request.data !== undefined) {
        // Binary input handling is loaded with the first binary input (its own chunk with code splitting).
        const { prepareBinary } = await import("./binary.js");
        body = await prepareBinary(request.data, request.dataArgument ?? "data", binarySources(this, call));
      }
      const model =
        request.model ?? options.model ?? state.options.model ?? (await recommended(this, request.task, call));
      let url: string | undefined;
      if (!isUrl(model)) {
        const choice = options.provider ?? state.options.provider ?? (state.endpointSet ? "hf-inference" : "auto");
        // Only a client with a provider carries the routing through providers; undefined means hf-inference.
        const route = this[PROVIDERS][0]?.[PROVIDER_ROUTE];
        if (route) {
          const routed = await route(this, call, request, options, model, choice);
          if (routed) return routed;
        } else if (choice === "auto" && request.providerTask === "chat-completion") {
          // The router picks the provider (a `:provider`, `:fastest` or `:cheapest` suffix steers it).
          routerToken(state.token());
          url = `${state.routerEndpoint}/v1/chat/completions`;
          const json = JSON.stringify({ ...(request.json as object), model });
          body = { open: () => json, contentType: "application/json", size: undefined };
        } else if (choice !== "auto" && choice !== "hf-inference") {
          throw new InferenceInputError({
            argument: "provider",
            message: `"${choice}" is not registered on this client: add its package with with()`,
          });
        }
      }
      url ??= modelUrl(state.endpoint, state.pipelineLayout, model, request.task);
      if (request.path !== undefined) url = appendPath(url, request.path);
      const billed = state.options.billTo !== undefined && url.startsWith(`${state.routerEndpoint}/`);
      let headers: Record<string, string>;
      if (
        request.json !== undefined &&
        !request.stream &&
        !billed &&
        request.headers === undefined &&
        options.headers === undefined
      ) {
        // The common call: the client's JSON headers, built once per client.
        headers = state.jsonHeaders();
      } else {
        headers = { ...state.authorizedHeaders() };
        if (billed) headers["x-hf-bill-to"] = state.options.billTo as string;
        if (body?.contentType !== undefined) headers["content-type"] = body.contentType;
        if (body?.size !== undefined && request.data !== undefined) headers["content-length"] = String(body.size);
        if (request.stream) headers["accept"] = "text/event-stream";
        mergeHeaders(headers, request.headers);
        mergeHeaders(headers, state.options.headers);
        mergeHeaders(headers, options.headers);
      }
      const sendRequest: SendRequest = { url, method: "POST", headers, body, task: request.task, model };
      const sent = await send(state.sendContext(), call, sendRequest);
      return new CallResponse(sent.response, sent.url, request.task, call);
    } catch (error) {
      call.finish();
      throw call.mapError(error);
    }
  }
}

/**
 * GETs JSON from the Hub (`"hub"`) or the inference endpoint (`"endpoint"`), following redirects. A free
 * function (issue 11): class methods are never tree-shaken, so it is `InferenceClient`'s method only.
 */
export async function getJson<T = unknown>(
  client: InferenceCore,
  base: "hub" | "endpoint",
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const call = newCall(client, options);
  const { getJson: get } = await import("./get-json.js");
  return get<T>(client, call, base, path, options);
}

/** Reads a binary input whole (for bodies that embed it as base64); bad input → `InferenceInputError`. */
export function readBinary(
  client: InferenceCore,
  input: BinaryInput,
  argument: string,
  options: RequestOptions = {},
): Promise<Uint8Array> {
  const call = newCall(client, options);
  return call.settle(
    import("./binary.js").then((binary) => binary.readBinary(input, argument, binarySources(client, call))),
  );
}

/** The first recommended model for a task, from `{hub}/api/tasks` (fetched once per process and Hub). */
export async function getRecommendedModel(
  client: InferenceCore,
  task: string,
  options: RequestOptions = {},
): Promise<string> {
  if (typeof task !== "string" || task === "")
    throw new InferenceInputError({ argument: "task", message: "expected a task name" });
  const call = newCall(client, options);
  return call.settle(recommended(client, task, call, options));
}

async function recommended(
  client: InferenceCore,
  task: string | undefined,
  call: Call,
  options: RequestOptions = {},
): Promise<string> {
  if (task === undefined) {
    throw new InferenceInputError({ argument: "model", message: "no model given, and no task to recommend one for" });
  }
  // The shared look-up runs without this call's signal; the call waits for it abortably. It is loaded on
  // first use (its own chunk with code splitting).
  const { signal: _signal, timeout: _timeout, ...shared } = options;
  const hub = await import("./hub/recommended-model.js");
  return hub.getRecommendedModel(
    () => getJson(client, "hub", "/api/tasks", shared),
    client[STATE].hubEndpoint,
    task,
    call.signal,
  );
}

/** @internal Where binary inputs are read from (files, URLs), for this call. */
export function binarySources(client: InferenceCore, call: Call): BinarySources {
  const platform = client[STATE].platform;
  return {
    openFile: (path, argument) => platform.openFile(path, argument),
    download: (url, argument) => import("./get-json.js").then(({ download }) => download(client, call, url, argument)),
  };
}

/** One call's cancellation: the client's and the call's signals (and `signal`), and its timeout. */
export function newCall(client: InferenceCore, options: RequestOptions, signal?: AbortSignal): Call {
  const state = client[STATE];
  return new Call(
    state.options.signal,
    options.signal,
    signal,
    options.timeout ?? state.options.timeout,
    state.platform.connectionFailure,
  );
}

/**
 * Defines a method for each task on `target` — a client made by `with()`, or a class's prototype
 * (`InferenceClient`): one binding for both. The method is `task(this, ...args)`, not enumerable.
 */
export function defineTaskMethods(target: object, tasks: readonly (AnyTaskFunction & TaskIdentity)[]): void {
  for (const task of tasks) {
    Object.defineProperty(target, task.methodName, {
      value: function (this: InferenceCore, ...args: unknown[]) {
        return task(this, ...args);
      },
      configurable: true,
      writable: true,
    });
  }
}
