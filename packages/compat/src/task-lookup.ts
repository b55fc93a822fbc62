import { getJson, InferenceInputError, InferenceOutputError, type InferenceCore } from "@infer/core";
import { isObject } from "@infer/core/task-kit";
import { KNOWN_TASKS } from "./known-tasks.js";

/**
 * The task an `InferenceApi` runs, as the Python client decides it: the model's `pipeline_tag` from
 * `GET {hub}/api/models/{id}` (redirects followed), unless the caller named another task, which must then
 * be a known one (accepted with a warning).
 */
export async function lookupTask(client: InferenceCore, repoId: string, override: string | undefined): Promise<string> {
  // `expand[]=pipeline_tag` keeps the Hub's answer to the one field read here.
  const info = await getJson<unknown>(client, "hub", `/api/models/${repoId}?expand[]=pipeline_tag`);
  if (!isObject(info)) {
    throw new InferenceOutputError({ task: "model-info", expected: "{pipeline_tag}", body: info });
  }
  const modelTask =
    typeof info["pipeline_tag"] === "string" && info["pipeline_tag"] !== "" ? info["pipeline_tag"] : undefined;
  if (override === undefined || override === modelTask) {
    if (modelTask === undefined) {
      throw new InferenceInputError({
        argument: "options.task",
        message: `the model ${repoId} names no task (pipeline_tag) on the Hub; pass one, e.g. { task: "text-classification" }`,
      });
    }
    return modelTask;
  }
  if (!KNOWN_TASKS.has(override)) {
    throw new InferenceInputError({
      argument: "options.task",
      message: `unknown task "${override}"${modelTask ? ` (the model's own task is "${modelTask}")` : ""}; known tasks: ${[...KNOWN_TASKS].join(", ")}`,
    });
  }
  console.warn(
    `@infer/compat: running ${repoId} as "${override}", not its own task "${modelTask ?? "(none)"}". Be sure the model supports it.`,
  );
  return override;
}
