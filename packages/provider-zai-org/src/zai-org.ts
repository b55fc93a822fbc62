import { InferenceOutputError } from "@infer/core";
import { defineProvider, isObject, openAiChat, type AnswerTools, type ProviderTaskAdapter } from "@infer/core/task-kit";

const HEADERS = { "accept-language": "en-US,en" };
const IMAGES_ROUTE = "/api/paas/v4/async/images/generations";
const POLL_INTERVAL_MS = 500;

function fail(tools: AnswerTools, expected: string, body: unknown): never {
  throw new InferenceOutputError({ task: tools.input.task, expected, body });
}

/**
 * Polls `/api/paas/v4/async-result/{id}` on the request's own origin (bounded by the call's timeout) until
 * `SUCCESS`, then downloads `image_result[0].url` without the token.
 */
async function asyncImage(body: unknown, tools: AnswerTools): Promise<Blob> {
  const id = isObject(body) ? body["id"] : undefined;
  if (typeof id !== "string" || id === "") fail(tools, "an asynchronous task {id, task_status}", body);
  const base = tools.requestUrl.slice(0, tools.requestUrl.length - IMAGES_ROUTE.length);
  const resultUrl = `${base}/api/paas/v4/async-result/${encodeURIComponent(id)}`;
  for (;;) {
    await tools.wait(POLL_INTERVAL_MS);
    const result = await tools.poll(resultUrl);
    const status = isObject(result) ? result["task_status"] : undefined;
    if (status === "SUCCESS") {
      const images = isObject(result) ? result["image_result"] : undefined;
      const first: unknown = Array.isArray(images) ? images[0] : undefined;
      const url = isObject(first) ? first["url"] : undefined;
      if (typeof url !== "string") fail(tools, "{image_result: [{url}]}", result);
      return tools.download(url);
    }
    if (status !== "PROCESSING") fail(tools, `a finished image (the task is ${JSON.stringify(status)})`, result);
  }
}

const textToImage: ProviderTaskAdapter = {
  request: (input) => {
    const { width, height } = input.parameters;
    return {
      path: IMAGES_ROUTE,
      body: {
        prompt: input.json?.["inputs"],
        model: input.providerId,
        ...(width !== undefined && height !== undefined ? { size: `${width}x${height}` } : {}),
      },
      headers: HEADERS,
    };
  },
  answer: asyncImage,
};

/**
 * zai-org: chat-completion, and text-to-image through Z.ai's asynchronous images API (as huggingface_hub
 * does). Register it with `createClient().with(task, zaiOrg)`. With an `hf_` token calls go through the router
 * (`{routerEndpoint}/zai-org/…`); with zai-org's own key straight to https://api.z.ai.
 */
export const zaiOrg = defineProvider({
  providerName: "zai-org",
  baseUrl: "https://api.z.ai",
  tasks: {
    "chat-completion": openAiChat("/api/paas/v4/chat/completions", HEADERS),
    "text-to-image": textToImage,
  },
});
