import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { findTapes, fixtureBytes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textToImage, type TextToImageOptions } from "./index.js";

// The recorded call with parameters; binary answers were not recorded, so the server sends a real PNG.
const recorded = findTapes("stabilityai/stable-diffusion-2", "negative_prompt")[0]!;
const recordedRequest = JSON.parse(recorded.init.body ?? "") as { inputs: string; options?: unknown };
const png = fixtureBytes("cheetah.png");
const server = useTaskServer({ bytes: png, contentType: "image/png" });

const client = (headers?: Record<string, string>) =>
  createClient({ ...server.clientOptions(), ...(headers ? { headers } : {}) });

describe("@infer/task-text-to-image", () => {
  describe("textToImage", () => {
    it("sends the recorded request's {inputs, parameters} to /models/{model} and returns the image as a Blob", async () => {
      const image = await textToImage(client(), recordedRequest.inputs, {
        model: "stabilityai/stable-diffusion-2",
        negativePrompt: "blurry",
        width: 512,
        height: 128,
        numInferenceSteps: 10,
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/stabilityai/stable-diffusion-2");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["accept"]).toBe("image/png");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      const { options: _legacyOptions, ...expected } = recordedRequest;
      expect(request.json()).toEqual(expected);
      expect(image).toBeInstanceOf(Blob);
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("sends no parameters when none is set (undefined values count as unset)", async () => {
      await textToImage(client(), "a tortoise", { model: "m", height: undefined } as unknown as TextToImageOptions);
      expect(server.last().json()).toEqual({ inputs: "a tortoise" });
    });

    it("sends the parameters in a fixed order, and no parameters key when none is set", async () => {
      await textToImage(client(), "a tortoise", {
        model: "m",
        guidanceScale: 2,
        width: 64,
        negativePrompt: "",
        numInferenceSteps: 3,
        height: 32,
      });
      expect(server.last().body.toString("utf8")).toBe(
        '{"inputs":"a tortoise","parameters":{"negative_prompt":"","height":32,"width":64,"num_inference_steps":3,"guidance_scale":2}}',
      );
      await textToImage(client(), "a tortoise", { model: "m" });
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"a tortoise"}');
    });

    it("sends guidanceScale as guidance_scale", async () => {
      await textToImage(client(), "a tortoise", { model: "m", guidanceScale: 7.5 });
      expect(server.last().json()).toEqual({ inputs: "a tortoise", parameters: { guidance_scale: 7.5 } });
    });

    it("keeps the server's Content-Type, as recorded from the real service", async () => {
      const recordedType = recorded.response.headers["content-type"]!;
      server.answerNext({ bytes: png, contentType: recordedType });
      const image = await textToImage(client(), "a tortoise", { model: "m" });
      expect(recordedType).toBe("image/jpeg");
      expect(image.type).toBe("image/jpeg");
    });

    it("lets the call's Accept header win over image/png, case-insensitively", async () => {
      await textToImage(client(), "a tortoise", { model: "m", headers: { ACCEPT: "image/jpeg" } });
      expect(server.last().headers["accept"]).toBe("image/jpeg");
    });

    it("lets the client's Accept header win over image/png", async () => {
      await textToImage(client({ Accept: "image/webp" }), "a tortoise", { model: "m" });
      expect(server.last().headers["accept"]).toBe("image/webp");
    });

    it("is a method after client.with(textToImage)", async () => {
      const image = await client().with(textToImage).textToImage("a tortoise", { model: "m" });
      expect(image.size).toBe(png.byteLength);
      expect(textToImage.taskName).toBe("text-to-image");
      expect(textToImage.methodName).toBe("textToImage");
    });

    it.each([
      ["prompt", 42, {}],
      ["prompt", "", {}],
      ["options.negativePrompt", "a tortoise", { negativePrompt: 5 }],
      ["options.height", "a tortoise", { height: 0 }],
      ["options.width", "a tortoise", { width: 512.5 }],
      ["options.numInferenceSteps", "a tortoise", { numInferenceSteps: -1 }],
      ["options.guidanceScale", "a tortoise", { guidanceScale: Number.NaN }],
      ["options.guidanceScale", "a tortoise", { guidanceScale: Number.POSITIVE_INFINITY }],
    ])("rejects a bad %s before any request", async (argument, prompt, options) => {
      const before = server.requests.length;
      await expect(
        textToImage(client(), prompt as string, { model: "m", ...(options as TextToImageOptions) }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
      expect(server.requests.length).toBe(before);
    });

    it("rejects options that are not an object before any request", async () => {
      const before = server.requests.length;
      await expect(textToImage(client(), "a tortoise", "fast" as TextToImageOptions)).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a JSON answer with InferenceOutputError carrying the parsed body", async () => {
      server.answerNext({ json: [{ generated_text: "not an image" }] });
      const error = await textToImage(client(), "a tortoise", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "not an image" }]);
    });

    it("rejects an empty answer with InferenceOutputError", async () => {
      server.answerNext({ bytes: new Uint8Array(0), contentType: "image/png" });
      await expect(textToImage(client(), "a tortoise", { model: "m" })).rejects.toSatisfy(
        InferenceOutputError.isInstance,
      );
    });
  });
});
