import { getJson, type InferenceCore } from "../client.js";
import { InferenceInputError } from "../errors/input-error.js";
import type { RequestOptions } from "../options.js";
import { expectOutput, isObject } from "../task-kit.js";
import { isUrl } from "../url.js";

/** `GET {endpoint}/status/{model}`: whether a model is loaded on the serverless API. */
export interface ModelStatus {
  loaded: boolean;
  /** e.g. `"Loadable"`, `"Loaded"`, `"TooBig"` */
  state: string;
  /** e.g. `"cpu"`, `"gpu"`, or an object describing the hardware */
  compute_type: unknown;
  /** e.g. `"transformers"`, `"text-generation-inference"` */
  framework: string;
  [extra: string]: unknown;
}

/**
 * Whether a model is loaded on the serverless API: `GET {endpoint}/status/{model}` (model: the argument, else
 * the call's or the client's). A method of `InferenceClient`; a function here so other bundles don't carry it.
 */
export async function getModelStatus(
  client: InferenceCore,
  model?: string,
  options: RequestOptions = {},
): Promise<ModelStatus> {
  const id = model ?? options.model ?? client.options.model;
  if (typeof id !== "string" || id === "")
    throw new InferenceInputError({ argument: "model", message: "expected a model id" });
  if (isUrl(id)) {
    throw new InferenceInputError({
      argument: "model",
      message: "the status of an endpoint URL cannot be queried; give a Hub model id",
    });
  }
  const body = await getJson<unknown>(client, "endpoint", `/status/${id}`, options);
  expectOutput(
    isObject(body) && typeof body["loaded"] === "boolean" && typeof body["state"] === "string",
    "model-status",
    "{loaded, state, compute_type, framework}",
    body,
  );
  return body as ModelStatus;
}
