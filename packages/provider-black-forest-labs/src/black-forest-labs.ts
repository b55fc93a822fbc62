import { InferenceOutputError } from "@infer/core";
import { defineProvider, isObject, type AnswerTools } from "@infer/core/task-kit";

const POLL_INTERVAL_MS = 500;
const FAILED = new Set(["Error", "Content Moderated", "Request Moderated", "Task not found"]);

/** Polls `polling_url` (bounded by the call's timeout) until `Ready`, then downloads `result.sample`. */
async function pollResult(body: unknown, tools: AnswerTools): Promise<Blob> {
  const url = isObject(body) ? body["polling_url"] : undefined;
  if (typeof url !== "string")
    throw new InferenceOutputError({ task: tools.input.task, expected: "{polling_url}", body });
  for (;;) {
    await tools.wait(POLL_INTERVAL_MS);
    const status = await tools.poll(url);
    const state = isObject(status) ? status["status"] : undefined;
    if (state === "Ready") {
      const result = isObject(status) ? status["result"] : undefined;
      const sample = isObject(result) ? result["sample"] : undefined;
      if (typeof sample !== "string")
        throw new InferenceOutputError({ task: tools.input.task, expected: "{result: {sample}}", body: status });
      return tools.download(sample);
    }
    if (typeof state === "string" && FAILED.has(state)) {
      throw new InferenceOutputError({
        task: tools.input.task,
        expected: `a finished image (the job ended "${state}")`,
        body: status,
      });
    }
  }
}

/**
 * black-forest-labs: text-to-image at `/v1/{providerId}`, then the polling URL until the image is ready.
 * Its own key goes as `X-Key`.
 */
export const blackForestLabs = defineProvider({
  providerName: "black-forest-labs",
  baseUrl: "https://api.us1.bfl.ai",
  authorize: (key) => ({ "x-key": key }),
  tasks: {
    "text-to-image": {
      request: (input) => ({
        path: `/v1/${input.providerId}`,
        body: { ...input.parameters, prompt: input.json?.["inputs"] },
      }),
      answer: pollResult,
    },
  },
});
