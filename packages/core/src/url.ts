import type { PipelineLayout } from "./options.js";

export const DEFAULT_ENDPOINT = "https://router.huggingface.co/hf-inference";
export const DEFAULT_ROUTER_ENDPOINT = "https://router.huggingface.co";
export const DEFAULT_HUB_ENDPOINT = "https://huggingface.co";

const PIPELINE_TASKS = new Set(["feature-extraction", "sentence-similarity"]);

/** True when the model is an endpoint URL, used as is. */
export function isUrl(model: string): boolean {
  return model.startsWith("https://") || model.startsWith("http://");
}

export function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(0, end);
}

/** The default route layout: the router's for Hugging Face's router, the older one elsewhere. */
export function defaultPipelineLayout(endpoint: string): PipelineLayout {
  return /^https:\/\/router\.huggingface\.co(\/|$)/.test(endpoint) ? "router" : "legacy";
}

/** Where a task call for a model goes (WIRE.md, URLs). */
export function modelUrl(endpoint: string, layout: PipelineLayout, model: string, task: string | undefined): string {
  if (isUrl(model)) return model;
  if (task !== undefined && PIPELINE_TASKS.has(task)) {
    return layout === "router"
      ? `${endpoint}/models/${model}/pipeline/${task}`
      : `${endpoint}/pipeline/${task}/${model}`;
  }
  return `${endpoint}/models/${model}`;
}

/** Appends a route such as `/v1/chat/completions` unless the URL already ends with it. */
export function appendPath(url: string, path: string): string {
  const base = trimSlashes(url);
  return base.endsWith(path) ? base : base + path;
}
