import {
  createClient,
  InferenceHTTPError,
  InferenceInputError,
  type BinaryInput,
  type ClientOptions,
  type CoreClient,
} from "@infer/core";
import { isObject } from "@infer/core/task-kit";
import { errorResponse, readAnswer, toResponse, type InferenceApiOutput } from "./answer.js";
import { warnDeprecatedOnce } from "./deprecation.js";
import { pipelineUrl } from "./pipeline-url.js";
import { lookupTask } from "./task-lookup.js";

/** Options of `new InferenceApi(repoId, options)`. */
export interface InferenceApiOptions {
  /**
   * The task to run. Absent: the model's own task (`pipeline_tag`), looked up on the Hub. A known task
   * other than the model's is accepted with a warning; an unknown one rejects the first call.
   * @example "feature-extraction"
   */
  task?: string | undefined;
  /**
   * `string`: sent as `Authorization: Bearer`; `false`: none; absent: `$HF_TOKEN`, `$HUGGING_FACE_HUB_TOKEN`,
   * then the token file, as `@infer/core` looks it up.
   */
  token?: string | false | undefined;
  /**
   * Sent as `options.use_gpu`: asks the server to run the model on a GPU.
   * @default false
   */
  gpu?: boolean | undefined;
  /**
   * Base URL of the inference API.
   * @default $HF_INFERENCE_ENDPOINT, else "https://router.huggingface.co/hf-inference"
   */
  endpoint?: string | undefined;
  /**
   * Base URL of the Hub API, where the model's task is looked up.
   * @default $HF_ENDPOINT, else "https://huggingface.co"
   */
  hubEndpoint?: string | undefined;
  /** A WHATWG `fetch` to send requests with, instead of undici. */
  fetch?: ClientOptions["fetch"] | undefined;
  /** An undici `Dispatcher` (Node only). */
  dispatcher?: ClientOptions["dispatcher"] | undefined;
}

/** Call parameters, sent as `parameters` in the server's own (snake_case) names, e.g. `{ candidate_labels }`. */
export type InferenceApiParameters = Record<string, unknown>;

/**
 * A legacy inference call, as the Python `InferenceApi`'s `__call__`. Resolves to the parsed JSON answer,
 * an error's JSON body (errors are returned, not thrown), or a Blob for images and audio.
 */
export interface InferenceApi {
  (
    inputs?: unknown,
    params?: InferenceApiParameters | null,
    data?: BinaryInput | null,
    rawResponse?: false,
  ): Promise<InferenceApiOutput>;
  /** With `rawResponse` true: the server's response, whatever its status, as a standard `Response`. */
  (
    inputs: unknown,
    params: InferenceApiParameters | null | undefined,
    data: BinaryInput | null | undefined,
    rawResponse: true,
  ): Promise<Response>;
  (
    inputs?: unknown,
    params?: InferenceApiParameters | null,
    data?: BinaryInput | null,
    rawResponse?: boolean,
  ): Promise<InferenceApiOutput | Response>;
}

interface InferenceApiState {
  readonly client: CoreClient;
  readonly endpoint: string;
  readonly taskOverride: string | undefined;
  readonly gpu: boolean;
  task: Promise<string> | undefined;
}

const STATE = Symbol("@infer/compat.state");

/**
 * The legacy, callable client of one model: `const inference = new InferenceApi("gpt2"); await inference("Hi")`.
 * The model's task is looked up on the Hub once per instance, on the first call (or `getTask()`).
 *
 * @deprecated Use `InferenceClient` from `@infer/inference`, whose methods are typed per task and throw
 * on errors; MIGRATION.md shows each call's equivalent, and `npx @infer/codemod <paths...>` rewrites most.
 */
export class InferenceApi {
  static {
    // Instances are functions: keep `call`, `apply` and `bind` on them.
    Object.setPrototypeOf(InferenceApi.prototype, Function.prototype);
  }

  /** The model's Hub id. */
  declare readonly repoId: string;
  declare private readonly [STATE]: InferenceApiState;

  /**
   * @param repoId A Hub model id, e.g. `"bert-base-uncased"`.
   * @deprecated Use `new InferenceClient({ model: repoId, token })` from `@infer/inference`.
   */
  constructor(repoId: string, options: InferenceApiOptions = {}) {
    if (typeof repoId !== "string" || repoId === "" || /^https?:\/\//.test(repoId)) {
      throw new InferenceInputError({
        argument: "repoId",
        message: `expected a Hub model id such as "gpt2", got ${JSON.stringify(repoId)}`,
      });
    }
    if (!isObject(options as unknown))
      throw new InferenceInputError({ argument: "options", message: "expected an options object" });
    const { task, token, gpu = false, endpoint, hubEndpoint, fetch, dispatcher } = options;
    if (task !== undefined && (typeof task !== "string" || task === "")) {
      throw new InferenceInputError({ argument: "options.task", message: 'expected a task name such as "fill-mask"' });
    }
    if (typeof gpu !== "boolean")
      throw new InferenceInputError({ argument: "options.gpu", message: "expected a boolean" });
    warnDeprecatedOnce();
    const clientOptions: ClientOptions = {};
    if (token !== undefined) clientOptions.token = token;
    if (endpoint !== undefined) clientOptions.endpoint = endpoint;
    if (hubEndpoint !== undefined) clientOptions.hubEndpoint = hubEndpoint;
    if (fetch !== undefined) clientOptions.fetch = fetch;
    if (dispatcher !== undefined) clientOptions.dispatcher = dispatcher;
    const client = createClient(clientOptions);
    const state: InferenceApiState = {
      client,
      endpoint: client.endpoint,
      taskOverride: task,
      gpu,
      task: undefined,
    };
    const inference = ((
      inputs?: unknown,
      params?: InferenceApiParameters | null,
      data?: BinaryInput | null,
      rawResponse?: boolean,
    ) => call(repoId, state, inputs, params, data, rawResponse)) as InferenceApi;
    Object.setPrototypeOf(inference, new.target.prototype);
    Object.defineProperty(inference, "repoId", { value: repoId, enumerable: true });
    Object.defineProperty(inference, STATE, { value: state });
    return inference;
  }

  /**
   * The task this instance runs: the `task` option once checked against the model, else the model's own.
   * Looked up on the first call and kept; a failed look-up is tried again on the next call.
   */
  getTask(): Promise<string> {
    return taskOf(this.repoId, this[STATE]);
  }
}

function taskOf(repoId: string, state: InferenceApiState): Promise<string> {
  if (state.task === undefined) {
    const task = lookupTask(state.client, repoId, state.taskOverride);
    state.task = task;
    task.catch(() => {
      if (state.task === task) state.task = undefined;
    });
  }
  return state.task;
}

async function call(
  repoId: string,
  state: InferenceApiState,
  inputs: unknown,
  params: InferenceApiParameters | null | undefined,
  data: BinaryInput | null | undefined,
  rawResponse: boolean | undefined,
): Promise<unknown> {
  const task = await taskOf(repoId, state);
  const model = pipelineUrl(state.endpoint, task, repoId);
  const payload: Record<string, unknown> = { options: { wait_for_model: true, use_gpu: state.gpu } };
  if (inputs !== undefined && inputs !== null) payload["inputs"] = inputs;
  if (params !== undefined && params !== null) payload["parameters"] = params;
  try {
    const response = await state.client.post(
      data !== undefined && data !== null ? { model, task, data } : { model, task, json: payload },
    );
    return rawResponse ? toResponse(response) : await readAnswer(response);
  } catch (error) {
    if (!InferenceHTTPError.isInstance(error)) throw error;
    return rawResponse ? errorResponse(error) : error.body;
  }
}
