import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient, InferenceInputError, InferenceOutputError, type BinaryInput } from "@infer/core";
import { findTapes, fixtureBytes, fixturePath } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageToImage, type ImageToImageOptions } from "./index.js";

// The recorded call sent the edge map raw; binary answers were not recorded, so the server sends a real PNG.
const recorded = findTapes("lllyasviel/sd-controlnet-canny")[0]!;
const model = "lllyasviel/sd-controlnet-canny";
const edges = fixtureBytes("bird_canny.png");
const edgesBase64 = edges.toString("base64");
const png = fixtureBytes("cheetah.png");
const server = useTaskServer({ bytes: png, contentType: "image/png" });

const client = () => createClient(server.clientOptions());

const inputs: [string, () => BinaryInput][] = [
  ["bytes", () => new Uint8Array(edges)],
  ["a path", () => fixturePath("bird_canny.png")],
  ["a file URL", () => pathToFileURL(fixturePath("bird_canny.png"))],
  ["a Blob", () => new Blob([new Uint8Array(edges)], { type: "image/png" })],
];

describe("@infer/task-image-to-image", () => {
  describe("imageToImage", () => {
    it("sends the image as the raw body without parameters, as recorded, and returns the image as a Blob", async () => {
      const image = await imageToImage(client(), new Uint8Array(edges), { model });
      const request = server.last();
      expect(recorded.init.headers?.["Content-Type"]).toBeUndefined();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.headers["accept"]).toBe("image/png");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.body.equals(edges)).toBe(true);
      expect(image).toBeInstanceOf(Blob);
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it.each(inputs.slice(1))("sends %s as the raw body with its image type", async (_kind, input) => {
      await imageToImage(client(), input(), { model });
      const request = server.last();
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(edges)).toBe(true);
    });

    it.each(inputs)("sends %s as base64 in {inputs, parameters} when a parameter is set", async (_kind, input) => {
      await imageToImage(client(), input(), { model, prompt: "a red bird" });
      const request = server.last();
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["accept"]).toBe("image/png");
      expect(request.json()).toEqual({ inputs: edgesBase64, parameters: { prompt: "a red bird" } });
    });

    it("sends every parameter in snake_case", async () => {
      await imageToImage(client(), new Uint8Array(edges), {
        model,
        prompt: "a red bird",
        negativePrompt: "blurry",
        height: 256,
        width: 512,
        numInferenceSteps: 20,
        guidanceScale: 7.5,
        strength: 0.6,
      });
      expect(server.last().json()).toEqual({
        inputs: edgesBase64,
        parameters: {
          prompt: "a red bird",
          negative_prompt: "blurry",
          height: 256,
          width: 512,
          num_inference_steps: 20,
          guidance_scale: 7.5,
          strength: 0.6,
        },
      });
    });

    it("sends the parameters in a fixed order, only those set", async () => {
      await imageToImage(client(), new Uint8Array(edges), { model, strength: 0.5, width: 8, prompt: "" });
      expect(server.last().body.toString("utf8")).toBe(
        `{"inputs":"${edgesBase64}","parameters":{"prompt":"","width":8,"strength":0.5}}`,
      );
    });

    it("sends the raw image when every parameter is undefined", async () => {
      await imageToImage(client(), new Uint8Array(edges), {
        model,
        prompt: undefined,
      } as unknown as ImageToImageOptions);
      expect(server.last().body.equals(edges)).toBe(true);
    });

    it("keeps the server's Content-Type, as recorded from the real service", async () => {
      const recordedType = recorded.response.headers["content-type"]!;
      server.answerNext({ bytes: png, contentType: recordedType });
      const image = await imageToImage(client(), new Uint8Array(edges), { model });
      expect(recordedType).toBe("image/jpeg");
      expect(image.type).toBe("image/jpeg");
    });

    it("lets the call's Accept header win over image/png, case-insensitively", async () => {
      await imageToImage(client(), new Uint8Array(edges), {
        model,
        prompt: "a red bird",
        headers: { ACCEPT: "image/jpeg" },
      });
      expect(server.last().headers["accept"]).toBe("image/jpeg");
    });

    it("is a method after client.with(imageToImage)", async () => {
      const image = await client().with(imageToImage).imageToImage(new Uint8Array(edges), { model });
      expect(image.size).toBe(png.byteLength);
      expect(imageToImage.taskName).toBe("image-to-image");
      expect(imageToImage.methodName).toBe("imageToImage");
    });

    it.each([
      ["a missing file", `${fixturePath("bird_canny.png")}.missing`, {}],
      ["a missing file with parameters", `${fixturePath("bird_canny.png")}.missing`, { prompt: "a red bird" }],
      ["a directory", dirname(fixturePath("bird_canny.png")), {}],
      ["a directory with parameters", dirname(fixturePath("bird_canny.png")), { prompt: "a red bird" }],
      ["a number", 42, {}],
      ["undefined", undefined, {}],
      ["undefined with parameters", undefined, { prompt: "a red bird" }],
    ])("rejects %s as image before any request", async (_kind, image, options) => {
      const before = server.requests.length;
      await expect(imageToImage(client(), image as BinaryInput, { model, ...options })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "image",
      );
      expect(server.requests.length).toBe(before);
    });

    it.each([
      ["options.prompt", { prompt: 5 }],
      ["options.negativePrompt", { negativePrompt: ["blurry"] }],
      ["options.height", { height: -8 }],
      ["options.width", { width: 0.5 }],
      ["options.numInferenceSteps", { numInferenceSteps: 0 }],
      ["options.guidanceScale", { guidanceScale: Number.NaN }],
      ["options.strength", { strength: 1.5 }],
    ])("rejects a bad %s before any request", async (argument, options) => {
      const before = server.requests.length;
      await expect(
        imageToImage(client(), new Uint8Array(edges), { model, ...(options as ImageToImageOptions) }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
      expect(server.requests.length).toBe(before);
    });

    it("rejects a JSON answer with InferenceOutputError carrying the parsed body", async () => {
      server.answerNext({ json: { error: "not an image" } });
      const error = await imageToImage(client(), new Uint8Array(edges), { model }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ error: "not an image" });
    });
  });
});
