import { InferenceAbortError } from "../errors/abort-error.js";
import { InferenceError } from "../errors/inference-error.js";
import { InferenceInputError } from "../errors/input-error.js";
import { InferenceTimeoutError } from "../errors/timeout-error.js";
import { InferenceOutputError } from "../errors/output-error.js";

type TaskIndex = Record<string, { widgetModels?: unknown } | undefined>;

const cache = new Map<string, Promise<TaskIndex>>();

/**
 * `GET {hub}/api/tasks`, once per process and Hub: concurrent callers share one request, and a failed
 * request is forgotten so the next call tries again.
 */
export async function getRecommendedModel(
  /** `GET {hub}/api/tasks` (the client's `getJson()`, without the call's signal). */
  fetchIndex: () => Promise<unknown>,
  hub: string,
  task: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  let index = cache.get(hub);
  if (index === undefined) {
    index = fetchIndex().then(
      (body) => {
        if (body === null || typeof body !== "object" || Array.isArray(body)) {
          throw new InferenceOutputError({ task: "recommended-model", expected: "{task: {widgetModels}}", body });
        }
        return body as TaskIndex;
      },
      (error: unknown) => {
        throw describeLookup(error, task, hub);
      },
    );
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

/**
 * Says which look-up failed: the recommended-model look-up, for which task, at which Hub (the error keeps its
 * class and fields). An abort or a timeout is the caller's and is left as it is.
 */
function describeLookup(error: unknown, task: string, hub: string): unknown {
  if (
    !InferenceError.isInstance(error) ||
    InferenceAbortError.isInstance(error) ||
    InferenceTimeoutError.isInstance(error)
  )
    return error;
  const failure = error as Error;
  const before = failure.message;
  const message = `Looking up the recommended model for the task "${task}" at the Hub ${hub} failed (pass \`model\` to skip it): ${before}`;
  Object.defineProperty(failure, "message", { value: message, configurable: true, writable: true });
  if (typeof failure.stack === "string") failure.stack = failure.stack.replace(before, message);
  return failure;
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
