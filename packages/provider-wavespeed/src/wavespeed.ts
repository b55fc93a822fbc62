import { InferenceOutputError } from "@infer/core";
import { defineProvider, isObject, toDataUrl, type AnswerTools } from "@infer/core/task-kit";

const BASE_URL = "https://api.wavespeed.ai";
const POLL_INTERVAL_MS = 500;

/** Polls the job's `urls.get` (through the router when the call went through it) until `completed`. */
async function pollResult(body: unknown, tools: AnswerTools): Promise<Blob> {
  const data = isObject(body) ? body["data"] : undefined;
  const urls = isObject(data) ? data["urls"] : undefined;
  const get = isObject(urls) ? urls["get"] : undefined;
  if (typeof get !== "string")
    throw new InferenceOutputError({ task: tools.input.task, expected: "{data: {urls: {get}}}", body });
  let url = get;
  if (!tools.input.direct && url.startsWith(BASE_URL)) {
    // The router serves wavespeed's own routes under its prefix: poll there, with the Hugging Face token.
    url = tools.requestUrl.slice(0, tools.requestUrl.indexOf("/api/v3/")) + url.slice(BASE_URL.length);
  }
  for (;;) {
    await tools.wait(POLL_INTERVAL_MS);
    const status = await tools.poll(url);
    const job = isObject(status) ? status["data"] : undefined;
    const state = isObject(job) ? job["status"] : undefined;
    if (state === "completed") {
      const outputs = isObject(job) ? job["outputs"] : undefined;
      const first: unknown = Array.isArray(outputs) ? outputs[0] : undefined;
      if (typeof first !== "string")
        throw new InferenceOutputError({ task: tools.input.task, expected: "{data: {outputs: [url]}}", body: status });
      return tools.download(first);
    }
    if (state === "failed") {
      throw new InferenceOutputError({
        task: tools.input.task,
        expected: `a completed job (it failed: ${String(isObject(job) ? job["error"] : "")})`,
        body: status,
      });
    }
  }
}

/** wavespeed: text-to-image and image-to-image at `/api/v3/{providerId}`, polled until the image is ready. */
export const wavespeed = defineProvider({
  providerName: "wavespeed",
  baseUrl: BASE_URL,
  tasks: {
    "text-to-image": {
      request: (input) => ({
        path: `/api/v3/${input.providerId}`,
        body: { ...input.parameters, prompt: input.json?.["inputs"] },
      }),
      answer: pollResult,
    },
    "image-to-image": {
      request: async (input) => {
        const { bytes } = await input.binary();
        return {
          path: `/api/v3/${input.providerId}`,
          body: { ...input.parameters, image: toDataUrl(bytes, "image/png") },
        };
      },
      answer: pollResult,
    },
  },
});
