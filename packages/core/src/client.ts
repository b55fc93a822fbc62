import { prepareBinary, readBinary, type BinaryInput, type BinarySources, type PreparedBinary } from "./binary.js";
import { Call } from "./call.js";
import type { ClientState } from "./client-state.js";
import { InferenceInputError } from "./errors/input-error.js";
import { mergeHeaders } from "./headers.js";
import { getRecommendedModel } from "./hub/recommended-model.js";
import type { ClientOptions, RequestOptions } from "./options.js";
import { CallResponse, type InferenceResponse } from "./response.js";
import { send, type SendContext, type SendRequest } from "./send.js";
import type { AnyTaskFunction, TaskIdentity, TaskMethods } from "./task.js";
import { appendPath, modelUrl } from "./url.js";

/** A request for `client.post()`. */
export interface PostRequest {
  /** A JSON body. */
  json?: unknown;
  /** A raw binary body: bytes, a Blob, a stream, a path or an http(s) URL. */
  data?: BinaryInput;
  /** The model: a Hub id or an endpoint URL. Falls back to the call's, then the client's, then the task's recommended model. */
  model?: string;
  /** The task, for routing (feature-extraction and sentence-similarity) and the recommended model. */
  task?: string;
  /** Ask for Server-Sent Events (`Accept: text/event-stream`); read them with `parseServerSentEvents(response.body)`. */
  stream?: boolean;
  signal?: AbortSignal;
  /** A route appended to the model's URL, such as `"/v1/chat/completions"`. */
  path?: string;
  /** Headers of this request, below the client's and the call's. */
  headers?: Record<string, string>;
  /** The argument name `data` came from, for error messages. @default "data" */
  dataArgument?: string;
}

const STATE = Symbol.for("@infer/core.client-state");
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
  "constructor",
]);

/** The client every task receives: options, `post()`, the Hub look-ups, and `with()` to gain task methods. */
export class InferenceCore {
  private declare readonly [STATE]: ClientState;
  private declare readonly [TASKS]: readonly TaskIdentity[];

  /** @internal Use `createClient()` or `new InferenceClient()`. */
  constructor(state: ClientState) {
    // Not enumerable, so `inspect(client)` and `console.log(client)` never show the token in the options.
    Object.defineProperty(this, STATE, { value: state });
    Object.defineProperty(this, TASKS, { value: [] });
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
   * Returns a new client with a method for each task; this client is left as it was.
   * @example createClient().with(textToImage, textGeneration).textToImage("An astronaut riding a horse")
   */
  with<const Tasks extends readonly (AnyTaskFunction & TaskIdentity)[]>(...tasks: Tasks): this & TaskMethods<Tasks> {
    const all = [...this[TASKS]];
    for (const task of tasks) {
      if (typeof task !== "function" || typeof task.methodName !== "string" || RESERVED.has(task.methodName)) {
        throw new InferenceInputError({ argument: "tasks", message: "expected task functions made with defineTask()" });
      }
      const index = all.findIndex((known) => known.methodName === task.methodName);
      if (index === -1) all.push(task);
      else all[index] = task;
    }
    const next = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.defineProperty(next, STATE, { value: this[STATE] });
    Object.defineProperty(next, TASKS, { value: all });
    for (const task of all as (AnyTaskFunction & TaskIdentity)[]) {
      Object.defineProperty(next, task.methodName, {
        value: (...args: unknown[]) => task(next, ...args),
        configurable: true,
      });
    }
    return next as this & TaskMethods<Tasks>;
  }

  /**
   * Sends a request to a model and resolves to the response once its status is below 400, having waited
   * out a loading model and retried what can be retried. Rejects with `InferenceHTTPError` otherwise.
   */
  async post(request: PostRequest, options: RequestOptions = {}): Promise<InferenceResponse> {
    const state = this[STATE];
    const call = new Call(state.options.signal, options.signal, request.signal, options.timeout ?? state.options.timeout, state.platform.connectionFailure);
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
        body = await prepareBinary(request.data, request.dataArgument ?? "data", this.sources(call));
      }
      const model = request.model ?? options.model ?? state.options.model ?? (await this.recommended(request.task, call));
      let url = modelUrl(state.endpoint, state.pipelineLayout, model, request.task);
      if (request.path !== undefined) url = appendPath(url, request.path);
      const headers = this.baseHeaders();
      if (body?.contentType !== undefined) headers["content-type"] = body.contentType;
      if (body?.size !== undefined && request.data !== undefined) headers["content-length"] = String(body.size);
      if (request.stream) headers["accept"] = "text/event-stream";
      mergeHeaders(headers, request.headers);
      mergeHeaders(headers, state.options.headers);
      mergeHeaders(headers, options.headers);
      const sendRequest: SendRequest = { url, method: "POST", headers, body, task: request.task, model };
      const sent = await send(this.sendContext(), call, sendRequest);
      return new CallResponse(sent.response, sent.url, request.task, call);
    } catch (error) {
      call.finish();
      throw call.mapError(error);
    }
  }

  /** GETs JSON from the Hub (`"hub"`) or the inference endpoint (`"endpoint"`), following redirects. */
  async getJson<T = unknown>(base: "hub" | "endpoint", path: string, options: RequestOptions = {}): Promise<T> {
    const state = this[STATE];
    const call = new Call(state.options.signal, options.signal, undefined, options.timeout ?? state.options.timeout, state.platform.connectionFailure);
    try {
      const root = base === "hub" ? state.hubEndpoint : state.endpoint;
      const headers = mergeHeaders(mergeHeaders(this.baseHeaders(), state.options.headers), options.headers);
      const url = `${root}${path}`;
      const sent = await send(this.sendContext(), call, { url, method: "GET", headers });
      return await new CallResponse(sent.response, sent.url, undefined, call).json<T>();
    } catch (error) {
      call.finish();
      throw call.mapError(error);
    }
  }

  /** Reads a binary input whole (for bodies that embed it as base64); bad input → `InferenceInputError`. */
  async readBinary(input: BinaryInput, argument: string, options: RequestOptions = {}): Promise<Uint8Array> {
    const state = this[STATE];
    const call = new Call(state.options.signal, options.signal, undefined, options.timeout ?? state.options.timeout, state.platform.connectionFailure);
    try {
      return await readBinary(input, argument, this.sources(call));
    } catch (error) {
      throw call.mapError(error);
    } finally {
      call.finish();
    }
  }

  /** The first recommended model for a task, from `{hub}/api/tasks` (fetched once per process and Hub). */
  async getRecommendedModel(task: string, options: RequestOptions = {}): Promise<string> {
    if (typeof task !== "string" || task === "") throw new InferenceInputError({ argument: "task", message: "expected a task name" });
    const state = this[STATE];
    const call = new Call(state.options.signal, options.signal, undefined, options.timeout ?? state.options.timeout, state.platform.connectionFailure);
    try {
      return await this.recommended(task, call, options);
    } catch (error) {
      throw call.mapError(error);
    } finally {
      call.finish();
    }
  }

  private recommended(task: string | undefined, call: Call, options: RequestOptions = {}): Promise<string> {
    if (task === undefined) {
      throw new InferenceInputError({ argument: "model", message: "no model given, and no task to recommend one for" });
    }
    // The shared look-up runs without this call's signal; the call waits for it abortably.
    const { signal: _signal, timeout: _timeout, ...shared } = options;
    return getRecommendedModel(this, this[STATE].hubEndpoint, task, shared, call.signal);
  }

  private sendContext(): SendContext {
    const state = this[STATE];
    return { transport: state.transport, retry: state.retry, token: state.token(), connectionFailure: state.platform.connectionFailure };
  }

  private baseHeaders(): Record<string, string> {
    const state = this[STATE];
    return { ...state.authorizedHeaders() };
  }

  private sources(call: Call): BinarySources {
    const state = this[STATE];
    return {
      openFile: (path, argument) => state.platform.openFile(path, argument),
      download: async (url, argument) => {
        // An input URL belongs to someone else: no token, no client headers, only the User-Agent.
        const sent = await send({ ...this.sendContext(), token: undefined }, call, {
          url,
          method: "GET",
          headers: { ...state.platform.defaultHeaders },
        }).catch((error: unknown) => {
          const mapped = call.mapError(error);
          if (call.signal?.aborted) throw mapped;
          throw new InferenceInputError({ argument, message: `could not download ${url}: ${(mapped as Error).message}`, cause: mapped });
        });
        return { bytes: await sent.response.bytes(), contentType: sent.response.header("content-type") };
      },
    };
  }
}
