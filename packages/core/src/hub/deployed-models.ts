import { getJson, type InferenceCore } from "../client.js";
import { InferenceInputError } from "../errors/input-error.js";
import type { RequestOptions } from "../options.js";
import { expectOutput, isObject } from "../task-kit.js";

/** The frameworks the serverless API deploys models with. */
export const MAIN_FRAMEWORKS = [
  "diffusers",
  "sentence-transformers",
  "text-generation-inference",
  "transformers",
] as const;
export type Framework = (typeof MAIN_FRAMEWORKS)[number] | (string & {});

/** A deployed model, as `GET {endpoint}/framework/{framework}` lists it. */
export interface DeployedModel {
  model_id: string;
  task: string;
  framework?: string;
  compute_type?: unknown;
  [extra: string]: unknown;
}

/** Deployed model ids grouped by task, like the Python client's `list_deployed_models()`. */
export type DeployedModels = Record<string, string[]>;

/**
 * Lists the models deployed on the serverless API, grouped by task. `frameworks`: one, several or
 * `"all"` (every framework the API knows); default: the four main ones.
 */
export async function listDeployedModels(
  client: InferenceCore,
  frameworks?: Framework | readonly Framework[] | "all",
  options: RequestOptions = {},
): Promise<DeployedModels> {
  let list: readonly string[];
  if (frameworks === undefined) list = MAIN_FRAMEWORKS;
  else if (frameworks === "all") list = await allFrameworks(client, options);
  else list = typeof frameworks === "string" ? [frameworks] : frameworks;
  if (
    !Array.isArray(list) ||
    list.some((framework) => typeof framework !== "string" || framework === "" || framework.includes("/"))
  ) {
    throw new InferenceInputError({
      argument: "frameworks",
      message: 'expected a framework name, a list of them, or "all"',
    });
  }
  const answers = await Promise.all(
    list.map((framework) => getJson<unknown>(client, "endpoint", `/framework/${framework}`, options)),
  );
  const byTask: DeployedModels = {};
  for (const body of answers) {
    expectOutput(
      Array.isArray(body) &&
        body.every(
          (item) => isObject(item) && typeof item["model_id"] === "string" && typeof item["task"] === "string",
        ),
      "deployed-models",
      "[{model_id, task}]",
      body,
    );
    for (const model of body as DeployedModel[]) {
      const models = (byTask[model.task] ??= []);
      if (!models.includes(model.model_id)) models.push(model.model_id);
    }
  }
  for (const models of Object.values(byTask)) models.sort();
  return byTask;
}

async function allFrameworks(client: InferenceCore, options: RequestOptions): Promise<string[]> {
  const body = await getJson<unknown>(client, "hub", "/api/frameworks", options);
  if (isObject(body)) return Object.keys(body);
  expectOutput(Array.isArray(body), "deployed-models", "a list of frameworks", body);
  return (body as unknown[]).map((item) => (isObject(item) ? String(item["key"] ?? item["name"]) : String(item)));
}
