import { InferenceOutputError } from "@infer/core";
import {
  defineProvider,
  isObject,
  toDataUrl,
  type AnswerTools,
  type ProviderInput,
  type ProviderTaskAdapter,
} from "@infer/core/task-kit";

const POLL_INTERVAL_MS = 500;

/** `owner/name:version` runs a version through `/v1/predictions`; `owner/name` its model's latest. */
function prediction(input: ProviderInput, values: Record<string, unknown>) {
  const colon = input.providerId.indexOf(":");
  const headers = { prefer: "wait" };
  if (colon === -1) return { path: `/v1/models/${input.providerId}/predictions`, body: { input: values }, headers };
  return { path: "/v1/predictions", body: { input: values, version: input.providerId.slice(colon + 1) }, headers };
}

/** The prediction's `output`, polling `urls.get` (bounded by the call's timeout) while there is none yet. */
async function output(body: unknown, tools: AnswerTools): Promise<unknown> {
  let current = body;
  for (;;) {
    if (!isObject(current))
      throw new InferenceOutputError({ task: tools.input.task, expected: "a prediction", body: current });
    const status = current["status"];
    if (status === "failed" || status === "canceled") {
      throw new InferenceOutputError({
        task: tools.input.task,
        expected: `a prediction that succeeds (it ${status}: ${String(current["error"] ?? "")})`,
        body: current,
      });
    }
    if (current["output"] !== null && current["output"] !== undefined) return current["output"];
    const urls = current["urls"];
    const get = isObject(urls) ? urls["get"] : undefined;
    if (typeof get !== "string" || status === "succeeded") {
      throw new InferenceOutputError({
        task: tools.input.task,
        expected: "a prediction with `output` or `urls.get`",
        body: current,
      });
    }
    await tools.wait(POLL_INTERVAL_MS);
    current = await tools.poll(get);
  }
}

/** A file output (a URL, or a list of them): the first, downloaded without the token. */
async function file(body: unknown, tools: AnswerTools): Promise<Blob> {
  const result = await output(body, tools);
  const url = Array.isArray(result) ? result[0] : isObject(result) ? result["url"] : result;
  if (typeof url !== "string")
    throw new InferenceOutputError({ task: tools.input.task, expected: "an output URL", body });
  return tools.download(url);
}

const textToImage: ProviderTaskAdapter = {
  request: (input) => prediction(input, { ...input.parameters, prompt: input.json?.["inputs"] }),
  answer: file,
};

const imageToImage: ProviderTaskAdapter = {
  request: async (input) => {
    const { bytes } = await input.binary();
    return prediction(input, { ...input.parameters, image: toDataUrl(bytes, "image/png") });
  },
  answer: file,
};

const textToSpeech: ProviderTaskAdapter = {
  request: (input) => prediction(input, { text: input.json?.["inputs"] }),
  answer: file,
};

const automaticSpeechRecognition: ProviderTaskAdapter = {
  request: async (input) => {
    const { bytes } = await input.binary();
    return prediction(input, { audio: toDataUrl(bytes, "audio/wav") });
  },
  answer: async (body, tools) => {
    const result = await output(body, tools);
    const text =
      typeof result === "string" ? result : isObject(result) ? (result["transcription"] ?? result["text"]) : undefined;
    if (typeof text !== "string")
      throw new InferenceOutputError({ task: tools.input.task, expected: "a transcription", body: result });
    return { text };
  },
};

/**
 * replicate: text-to-image, image-to-image, automatic-speech-recognition, text-to-speech, as predictions
 * (`Prefer: wait`; polled through `urls.get` while unfinished); output files downloaded without the token.
 */
export const replicate = defineProvider({
  providerName: "replicate",
  baseUrl: "https://api.replicate.com",
  tasks: {
    "text-to-image": textToImage,
    "image-to-image": imageToImage,
    "automatic-speech-recognition": automaticSpeechRecognition,
    "text-to-speech": textToSpeech,
  },
});
