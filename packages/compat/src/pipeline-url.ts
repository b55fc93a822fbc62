import { DEFAULT_ENDPOINT } from "@infer/core";

const ROUTER = /^https:\/\/router\.huggingface\.co(\/|$)/;
const ROUTER_PIPELINE_TASKS = new Set(["feature-extraction", "sentence-similarity"]);

/** The inference endpoint as core resolves it: the option, else `$HF_INFERENCE_ENDPOINT`, else the default. */
export function resolveEndpoint(endpoint: string | undefined): string {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const base = endpoint ?? environment?.["HF_INFERENCE_ENDPOINT"] ?? DEFAULT_ENDPOINT;
  return base.replace(/\/+$/, "");
}

/**
 * Where a legacy call goes: `{E}/pipeline/{task}/{id}`, the api-inference route the Python `InferenceApi`
 * used. Hugging Face's router has no such route, so there the call goes where the router serves the task:
 * `{E}/models/{id}/pipeline/{task}` for feature-extraction and sentence-similarity, else `{E}/models/{id}`.
 */
export function pipelineUrl(endpoint: string, task: string, repoId: string): string {
  if (!ROUTER.test(endpoint)) return `${endpoint}/pipeline/${task}/${repoId}`;
  return ROUTER_PIPELINE_TASKS.has(task) ? `${endpoint}/models/${repoId}/pipeline/${task}` : `${endpoint}/models/${repoId}`;
}
