import { getRecommendedModel, type InferenceCore } from "../client.js";
import type { RequestOptions } from "../options.js";

/**
 * The model a call goes to: the call's `model`, else the client's, else the task's recommended model (looked
 * up on the Hub once per task). For tasks that must know the model before sending (to key a cache, to choose a
 * route); others leave `model` out of `post()`, which resolves it the same way.
 */
export async function resolveModel(client: InferenceCore, request: RequestOptions, task: string): Promise<string> {
  return request.model ?? client.options.model ?? (await getRecommendedModel(client, task, request));
}
