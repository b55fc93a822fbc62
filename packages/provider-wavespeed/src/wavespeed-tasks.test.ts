import { clearProviderMappings, createClient, InferenceHTTPError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { imageToImage } from "@infer/task-image-to-image";
import { textToImage } from "@infer/task-text-to-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { wavespeed } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const routed = () =>
  createClient({ token: "hf_test", routerEndpoint: standIn.url, hubEndpoint: standIn.url, retry: false }).with(
    textToImage,
    imageToImage,
    wavespeed,
  );
const png = fixtureBytes("cheetah.png");

/** A job answered at submission, `created` on the first poll, then `completed` with its output on the CDN. */
function serveJob(path: string, id: string, final: Record<string, unknown> = { status: "completed" }): void {
  const output = standIn.serve(`/outputs/${id}.png`, png, "image/png");
  let polls = 0;
  standIn.on(path, (_request, response) =>
    sendJson(response, {
      code: 200,
      data: { id, status: "created", urls: { get: `https://api.wavespeed.ai/api/v3/predictions/${id}/result` } },
    }),
  );
  standIn.on(`/api/v3/predictions/${id}/result`, (_request, response) => {
    polls++;
    sendJson(response, {
      code: 200,
      data: polls < 2 ? { id, status: "processing", outputs: [] } : { id, outputs: [output], ...final },
    });
  });
}

describe("@infer/provider-wavespeed", () => {
  describe("text-to-image", () => {
    it("posts {prompt, …} to /api/v3/{providerId}, polls the result through the router with the token, and downloads the output without it", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-schnell", {
        wavespeed: { providerId: "wavespeed-ai/flux-schnell", task: "text-to-image" },
      });
      serveJob("/api/v3/wavespeed-ai/flux-schnell", "job1");
      const image = await routed().textToImage("a lighthouse", {
        model: "black-forest-labs/FLUX.1-schnell",
        provider: "wavespeed",
        width: 512,
        height: 512,
      });
      expect(standIn.last("/wavespeed/api/v3/wavespeed-ai/flux-schnell")!.json()).toEqual({
        prompt: "a lighthouse",
        width: 512,
        height: 512,
      });
      const poll = standIn.last("/wavespeed/api/v3/predictions/job1/result")!;
      expect(poll.method).toBe("GET");
      expect(poll.headers["authorization"]).toBe("Bearer hf_test");
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("rejects a failed job with its error", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-schnell", {
        wavespeed: { providerId: "wavespeed-ai/flux-schnell", task: "text-to-image" },
      });
      serveJob("/api/v3/wavespeed-ai/flux-schnell", "job2", { status: "failed", error: "out of credits" });
      const error = await routed()
        .textToImage("a lighthouse", { model: "black-forest-labs/FLUX.1-schnell", provider: "wavespeed" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceOutputError);
      expect((error as Error).message).toContain("out of credits");
    });
  });

  describe("image-to-image", () => {
    it("sends {image: data URL, prompt} and returns the polled output", async () => {
      standIn.mapping("Qwen/Qwen-Image-Edit", {
        wavespeed: { providerId: "wavespeed-ai/qwen-image/edit", task: "image-to-image" },
      });
      serveJob("/api/v3/wavespeed-ai/qwen-image/edit", "job3");
      const bird = fixtureBytes("bird_canny.png");
      const image = await routed().imageToImage(bird, {
        model: "Qwen/Qwen-Image-Edit",
        provider: "wavespeed",
        prompt: "make it red",
      });
      expect(standIn.last("/wavespeed/api/v3/wavespeed-ai/qwen-image/edit")!.json()).toEqual({
        prompt: "make it red",
        image: `data:image/png;base64,${bird.toString("base64")}`,
      });
      expect(image.type).toBe("image/png");
    });
  });

  describe("error answers", () => {
    it("surfaces wavespeed's error JSON ({code, message, data}) as InferenceHTTPError with its status and message", async () => {
      standIn.mapping("org/waved", { wavespeed: { providerId: "wavespeed-ai/flux-dev", task: "text-to-image" } });
      standIn.on("/api/v3/wavespeed-ai/flux-dev", (_request, response) =>
        sendJson(response, { code: 401, message: "Invalid API key", data: null }, 401),
      );
      const error = await routed()
        .textToImage("a cat", { model: "org/waved", provider: "wavespeed" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(401);
      expect((error as InferenceHTTPError).serverMessage).toBe("Invalid API key");
    });
  });
});
