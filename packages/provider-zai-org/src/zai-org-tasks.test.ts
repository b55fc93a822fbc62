import {
  clearProviderMappings,
  createClient,
  InferenceAbortError,
  InferenceHTTPError,
  InferenceOutputError,
  InferenceTimeoutError,
} from "@infer/core";
import { fixtureBytes, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { textToImage } from "@infer/task-text-to-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { zaiOrg } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const model = "zai-org/GLM-Image";
const png = fixtureBytes("cheetah.png");
const routed = (timeout?: number) =>
  createClient({
    token: "hf_test",
    routerEndpoint: standIn.url,
    hubEndpoint: standIn.url,
    retry: false,
    ...(timeout ? { timeout } : {}),
  }).with(textToImage, zaiOrg);

/** Accepts the task, then answers its result `states` in turn (the last one repeats), SUCCESS with the image. */
function serveTask(states: string[], id = "task-1"): string {
  standIn.mapping(model, { "zai-org": { providerId: "glm-image", task: "text-to-image" } });
  const url = standIn.serve(`/files/${id}.png`, png, "image/png");
  standIn.on("/api/paas/v4/async/images/generations", (_request, response) =>
    sendJson(response, { model: "glm-image", id, request_id: `request-${id}`, task_status: "PROCESSING" }),
  );
  let poll = 0;
  standIn.on(`/api/paas/v4/async-result/${id}`, (_request, response) => {
    const status = states[Math.min(poll++, states.length - 1)];
    sendJson(response, {
      model: "glm-image",
      request_id: `request-${id}`,
      task_status: status,
      ...(status === "SUCCESS" ? { image_result: [{ url }] } : {}),
    });
  });
  return `/api/paas/v4/async-result/${id}`;
}

describe("@infer/provider-zai-org", () => {
  describe("text-to-image", () => {
    it("posts {prompt, model, size} to the asynchronous images route, polls the result until SUCCESS and downloads the image without the token", async () => {
      const resultPath = serveTask(["PROCESSING", "SUCCESS"]);
      const image = await routed().textToImage("A cat in a spacesuit", {
        model,
        provider: "zai-org",
        width: 1024,
        height: 768,
        numInferenceSteps: 30,
      });
      const request = standIn.last("/zai-org/api/paas/v4/async/images/generations")!;
      expect(request.method).toBe("POST");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["accept-language"]).toBe("en-US,en");
      expect(request.json()).toEqual({ prompt: "A cat in a spacesuit", model: "glm-image", size: "1024x768" });
      const polls = standIn.server.requests.filter((item) => item.url === `/zai-org${resultPath}`);
      expect(polls).toHaveLength(2);
      expect(polls.every((item) => item.method === "GET" && item.headers["authorization"] === "Bearer hf_test")).toBe(
        true,
      );
      const download = standIn.cdn.requests.at(-1)!;
      expect(download.url).toBe("/files/task-1.png");
      expect(download.headers["authorization"]).toBeUndefined();
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("goes straight to api.z.ai with its own key, and polls there", async () => {
      const resultPath = serveTask(["SUCCESS"], "task-direct");
      const client = createClient({
        token: "zai-key",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(zaiOrg.baseUrl),
      }).with(textToImage, zaiOrg);
      const from = standIn.directUrls.length;
      await client.textToImage("A cat", { model, provider: "zai-org" });
      expect(standIn.directUrls.slice(from)).toEqual([
        "https://api.z.ai/api/paas/v4/async/images/generations",
        `https://api.z.ai${resultPath}`,
      ]);
      expect(standIn.last(`/direct${resultPath}`)?.headers["authorization"]).toBe("Bearer zai-key");
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });

    it("bounds the polling by the call's timeout", async () => {
      serveTask(["PROCESSING"], "task-slow");
      const started = Date.now();
      const error = await routed(1_500)
        .textToImage("A cat", { model, provider: "zai-org" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceTimeoutError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("stops polling at once when the caller aborts", async () => {
      const resultPath = serveTask(["PROCESSING"], "task-aborted");
      const polls = () => standIn.server.requests.filter((item) => item.url === `/zai-org${resultPath}`).length;
      const controller = new AbortController();
      const call = routed().textToImage("A cat", { model, provider: "zai-org", signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 700));
      const polled = polls();
      const aborted = Date.now();
      controller.abort(new Error("enough"));
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceAbortError);
      expect(Date.now() - aborted).toBeLessThan(1_000);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(polls()).toBe(polled);
    });

    it("reports a failed task as an InferenceOutputError with the result attached", async () => {
      serveTask(["FAIL"], "task-failed");
      const error = await routed()
        .textToImage("A cat", { model, provider: "zai-org" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceOutputError);
      expect((error as Error).message).toContain('"FAIL"');
    });

    it("surfaces Z.ai's error JSON ({error: {code, message}}) on the images route with its status", async () => {
      standIn.mapping(model, { "zai-org": { providerId: "glm-image", task: "text-to-image" } });
      standIn.on("/api/paas/v4/async/images/generations", (_request, response) =>
        sendJson(response, { error: { code: "1214", message: "The prompt is too long" } }, 400),
      );
      const error = await routed()
        .textToImage("A cat", { model, provider: "zai-org" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(400);
      expect((error as InferenceHTTPError).serverMessage).toBe("The prompt is too long");
    });
  });
});
