import { clearProviderMappings, createClient, InferenceHTTPError } from "@infer/core";
import { findProviderTapes, fixtureBytes, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { textToImage } from "@infer/task-text-to-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hyperbolic } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const routed = () =>
  createClient({ token: "hf_test", routerEndpoint: standIn.url, hubEndpoint: standIn.url, retry: false }).with(
    textToImage,
    hyperbolic,
  );

describe("@infer/provider-hyperbolic", () => {
  describe("text-to-image", () => {
    it("sends {prompt, model_name, width, height, steps} and decodes images[0].image", async () => {
      const png = fixtureBytes("cheetah.png");
      standIn.mapping("stabilityai/stable-diffusion-2", { hyperbolic: { providerId: "SD2", task: "text-to-image" } });
      standIn.on("/v1/images/generations", (_request, response) =>
        sendJson(response, { images: [{ index: 0, image: png.toString("base64") }] }),
      );
      const image = await routed().textToImage("a giant tortoise", {
        model: "stabilityai/stable-diffusion-2",
        provider: "hyperbolic",
        width: 128,
        height: 128,
        numInferenceSteps: 5,
      });
      expect(standIn.last("/hyperbolic/v1/images/generations")!.json()).toEqual({
        prompt: "a giant tortoise",
        model_name: "SD2",
        width: 128,
        height: 128,
        steps: 5,
      });
      expect(image.type).toBe("image/png");
      expect(image.size).toBe(png.byteLength);
    });

    it("surfaces hyperbolic's recorded 422 ({detail: [{loc, msg}]}) with its message and status", async () => {
      const tape = findProviderTapes("api.hyperbolic.xyz/v1/images/generations").find(
        (item) => item.response.status === 422,
      )!;
      standIn.mapping("stabilityai/stable-diffusion-2", { hyperbolic: { providerId: "SD2", task: "text-to-image" } });
      standIn.on("/v1/images/generations", (_request, response) =>
        sendJson(response, JSON.parse(tape.response.body), 422),
      );
      const error = await routed()
        .textToImage("a giant tortoise", { model: "stabilityai/stable-diffusion-2", provider: "hyperbolic" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(422);
      expect((error as InferenceHTTPError).serverMessage).toBe("body.model_name: Field required");
    });
  });
});
