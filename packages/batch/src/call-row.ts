import { InferenceInputError, type AnyTaskFunction, type InferenceCore, type TaskIdentity } from "@infer/core";
import { allTasks } from "@infer/inference";
import type { BatchRow } from "./rows.js";

/** A task function of @infer (`textClassification`, …) or a name (`"text-classification"`, `"textClassification"`). */
export type BatchTask = string | (AnyTaskFunction & TaskIdentity);

/** Custom work for a row, instead of a task: resolves to the row's output. */
export type RowHandler = (client: InferenceCore, row: BatchRow, context: { signal: AbortSignal }) => Promise<unknown>;

// Tasks whose function takes two primary inputs: a row's `inputs` is then `[first, second]`.
const twoInputs = new Set([
  "questionAnswering",
  "sentenceSimilarity",
  "zeroShotClassification",
  "zeroShotImageClassification",
  "documentQuestionAnswering",
  "visualQuestionAnswering",
  "tableQuestionAnswering",
]);

/** Finds a task by function, wire name or method name; an unknown name is an `InferenceInputError`. */
export function resolveTask(task: BatchTask): AnyTaskFunction & TaskIdentity {
  if (typeof task === "function") return task;
  const found = allTasks.find((candidate) => candidate.taskName === task || candidate.methodName === task);
  if (!found) {
    throw new InferenceInputError({
      argument: "task",
      message: `unknown task "${task}"; one of ${allTasks.map((candidate) => candidate.taskName).join(", ")}`,
    });
  }
  return found as unknown as AnyTaskFunction & TaskIdentity;
}

/** Builds the function that runs one row: the task called with the row's inputs and parameters. */
export function rowRunner(task: BatchTask | RowHandler, requestOptions: Record<string, unknown>): RowHandler {
  if (typeof task === "function" && !("taskName" in task)) return task;
  const resolved = resolveTask(task as BatchTask);
  const pair = twoInputs.has(resolved.methodName);
  return async (client, row, { signal }) => {
    let args: unknown[];
    if (pair) {
      if (!Array.isArray(row.inputs) || row.inputs.length !== 2) {
        throw new InferenceInputError({
          argument: "inputs",
          message: `${resolved.taskName} takes two inputs: give "inputs" as [first, second]`,
        });
      }
      args = row.inputs;
    } else {
      args = [row.inputs];
    }
    return toJson(await resolved(client, ...args, { ...row.parameters, ...requestOptions, signal }));
  };
}

/** Makes an output JSON-ready: a `Blob` (an image, audio, a mask) becomes `{ type, base64 }`. */
export async function toJson(value: unknown): Promise<unknown> {
  if (value instanceof Blob)
    return { type: value.type, base64: Buffer.from(await value.arrayBuffer()).toString("base64") };
  if (Array.isArray(value)) return Promise.all(value.map(toJson));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await toJson(item)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
