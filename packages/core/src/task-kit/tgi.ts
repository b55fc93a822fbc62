import type { InferenceCore, PostRequest } from "../client.js";
import { toTextGenerationError } from "../errors/text-generation-errors.js";
import type { RequestOptions } from "../options.js";
import type { InferenceResponse } from "../response.js";

/**
 * `client.post()` for a Text Generation Inference route (text generation, chat completion): an HTTP error
 * whose body is one of TGI's typed errors rejects as that type (`ValidationError`, `OverloadedError`, …),
 * any other error as it was.
 */
export async function postTgi(
  client: InferenceCore,
  post: PostRequest,
  request?: RequestOptions,
): Promise<InferenceResponse> {
  try {
    return await client.post(post, request);
  } catch (error) {
    throw toTextGenerationError(error);
  }
}
