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

const imageToImage: ProviderTaskAdapter = {
  request: async (input) => {
    const { bytes } = await input.binary();
    return {
      path: route(input),
      body: { ...imageParameters(input.parameters), image_url: toDataUrl(bytes, "image/png") },
    };
  },
  answer: firstImage,
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
 * fal-ai: text-to-image, image-to-image, automatic-speech-recognition, text-to-speech, at `/{providerId}`.
 * Result files (`fal.media`) are downloaded without the token. Its own key goes as `Authorization: Key <key>`.
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
