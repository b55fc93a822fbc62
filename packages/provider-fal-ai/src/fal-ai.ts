import { InferenceOutputError } from "@infer/core";
import {
  defineProvider,
  isObject,
  toDataUrl,
  type AnswerTools,
  type ProviderInput,
  type ProviderTaskAdapter,
} from "@infer/core/task-kit";

/** hf-inference's `width`/`height` become fal's `image_size`; the other parameters keep their names. */
function imageParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  const { width, height, ...rest } = parameters;
  return width !== undefined && height !== undefined ? { ...rest, image_size: { width, height } } : rest;
}

function fail(tools: AnswerTools, expected: string, body: unknown): never {
  throw new InferenceOutputError({ task: tools.input.task, expected, body });
}

/** `images[0].url`, downloaded without the token. */
async function firstImage(body: unknown, tools: AnswerTools): Promise<Blob> {
  const images = isObject(body) ? body["images"] : undefined;
  const first: unknown = Array.isArray(images) ? images[0] : undefined;
  const url = isObject(first) ? first["url"] : undefined;
  if (typeof url !== "string") fail(tools, "{images: [{url}]}", body);
  return tools.download(url);
}

const route = (input: ProviderInput): string => `/${input.providerId}`;

const textToImage: ProviderTaskAdapter = {
  request: (input) => ({
    path: route(input),
    body: { ...imageParameters(input.parameters), prompt: input.json?.["inputs"] },
  }),
  answer: firstImage,
};

const QUEUE_BASE = "https://queue.fal.run";
const POLL_INTERVAL_MS = 500;
const QUEUED = new Set(["IN_QUEUE", "IN_PROGRESS"]);

/**
 * fal's queue: the request goes to `https://queue.fal.run/{providerId}` (through the router,
 * `/{providerId}?_subdomain=queue`) and answers `{request_id, status, response_url}`. The status
 * (`…/requests/{id}/status`) is polled every 500 ms until `COMPLETED`, then the result (`…/requests/{id}`) read.
 * As huggingface_hub does, both URLs are rebuilt from the path of `response_url` on the origin the request
 * went to, so they never leave fal's queue host or the router, whatever host the answer names.
 */
async function queueResult(body: unknown, tools: AnswerTools): Promise<unknown> {
  const requestId = isObject(body) ? body["request_id"] : undefined;
  if (typeof requestId !== "string" || requestId === "")
    fail(tools, "a queued request {request_id, status, response_url}", body);
  const request = new URL(tools.requestUrl);
  const route = `/${tools.input.providerId}`;
  // The request's own base: the router's `/fal-ai`, or nothing on queue.fal.run.
  const base = request.origin + request.pathname.slice(0, request.pathname.length - route.length);
  const responseUrl = isObject(body) ? body["response_url"] : undefined;
  let path = `${route}/requests/${encodeURIComponent(requestId)}`;
  if (typeof responseUrl === "string") {
    try {
      path = new URL(responseUrl).pathname;
    } catch {
      fail(tools, "a response_url", body);
    }
  }
  const resultUrl = base + path + request.search;
  const statusUrl = `${base}${path}/status${request.search}`;
  let status: unknown = isObject(body) ? body["status"] : undefined;
  while (status !== "COMPLETED") {
    if (typeof status !== "string" || !QUEUED.has(status))
      fail(tools, "a queue status IN_QUEUE, IN_PROGRESS or COMPLETED", body);
    await tools.wait(POLL_INTERVAL_MS);
    body = await tools.poll(statusUrl);
    status = isObject(body) ? body["status"] : undefined;
  }
  return tools.poll(resultUrl);
}

/** Through fal's queue (as huggingface_hub sends image-to-image): slow jobs don't hold a connection open. */
const imageToImage: ProviderTaskAdapter = {
  request: async (input) => {
    const { bytes } = await input.binary();
    return {
      path: input.direct ? QUEUE_BASE + route(input) : `${route(input)}?_subdomain=queue`,
      body: { ...imageParameters(input.parameters), image_url: toDataUrl(bytes, "image/png") },
    };
  },
  answer: async (body, tools) => firstImage(await queueResult(body, tools), tools),
};

const automaticSpeechRecognition: ProviderTaskAdapter = {
  request: async (input) => {
    const { bytes } = await input.binary();
    return { path: route(input), body: { audio_url: toDataUrl(bytes, "audio/mpeg") } };
  },
  answer: async (body, tools) => {
    const text = isObject(body) ? body["text"] : undefined;
    if (typeof text !== "string") fail(tools, "{text}", body);
    return { text };
  },
};

const textToSpeech: ProviderTaskAdapter = {
  request: (input) => ({ path: route(input), body: { text: input.json?.["inputs"] } }),
  answer: async (body, tools) => {
    const audio = isObject(body) ? body["audio"] : undefined;
    const url = isObject(audio) ? audio["url"] : undefined;
    if (typeof url !== "string") fail(tools, "{audio: {url}}", body);
    return tools.download(url);
  },
};

/**
 * fal-ai: text-to-image, automatic-speech-recognition and text-to-speech at `/{providerId}`; image-to-image
 * through fal's queue. Result files (`fal.media`) are downloaded without the token. Its own key goes as
 * `Authorization: Key <key>`.
 */
export const falAi = defineProvider({
  providerName: "fal-ai",
  baseUrl: "https://fal.run",
  authorize: (key) => ({ authorization: `Key ${key}` }),
  tasks: {
    "text-to-image": textToImage,
    "image-to-image": imageToImage,
    "automatic-speech-recognition": automaticSpeechRecognition,
    "text-to-speech": textToSpeech,
  },
});
