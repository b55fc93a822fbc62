import { createClient } from "@infer/core";
import { defaultPipelineLayout, modelUrl } from "@infer/core/task-kit";

/** The inference endpoint as core resolves it: the option, else `$HF_INFERENCE_ENDPOINT`, else the default. */
export function resolveEndpoint(endpoint: string | undefined): string {
  return createClient(endpoint === undefined ? {} : { endpoint }).endpoint;
}

/**
 * Where a legacy call goes: `{E}/pipeline/{task}/{id}`, the api-inference route the Python `InferenceApi`
 * used. Hugging Face's router has no such route, so there the call goes where core routes the task on the
 * router: `{E}/models/{id}/pipeline/{task}` for feature-extraction and sentence-similarity, else `{E}/models/{id}`.
 */
export function pipelineUrl(endpoint: string, task: string, repoId: string): string {
  return defaultPipelineLayout(endpoint) === "router"
    ? modelUrl(endpoint, "router", repoId, task)
    : `${endpoint}/pipeline/${task}/${repoId}`;
}
