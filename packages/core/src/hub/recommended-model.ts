import type { InferenceCore } from "../client.js";
import { InferenceInputError } from "../errors/input-error.js";
import { InferenceOutputError } from "../errors/output-error.js";
import type { RequestOptions } from "../options.js";

type TaskIndex = Record<string, { widgetModels?: unknown } | undefined>;

const cache = new Map<string, Promise<TaskIndex>>();

/**
 * `GET {hub}/api/tasks`, once per process and Hub: concurrent callers share one request, and a failed
 * request is forgotten so the next call tries again.
 */
export async function getRecommendedModel(
  client: InferenceCore,
  hub: string,
  task: string,
  shared: RequestOptions,
  signal: AbortSignal | undefined,
): Promise<string> {
  let index = cache.get(hub);
  if (index === undefined) {
    index = client.getJson<TaskIndex>("hub", "/api/tasks", shared).then((body) => {
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw new InferenceOutputError({ task: "recommended-model", expected: "{task: {widgetModels}}", body });
      }
      return body;
    });
    cache.set(hub, index);
    index.catch(() => {
      if (cache.get(hub) === index) cache.delete(hub);
    });
  }
  const tasks = await abortable(index, signal);
  const models = tasks[task]?.widgetModels;
  const model = Array.isArray(models) ? models[0] : undefined;
  if (typeof model !== "string" || model === "") {
    throw new InferenceInputError({
      argument: "model",
      message: `no model was given and the Hub recommends none for the task "${task}"; pass \`model\``,
    });
  }
  return model;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Forgets every cached task index (for tests and long-lived processes that want fresh answers). */
export function clearRecommendedModels(): void {
  cache.clear();
}
