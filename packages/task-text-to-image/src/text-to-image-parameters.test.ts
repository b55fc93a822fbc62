import { createClient } from "@infer/core";
import { fixtureBytes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textToImage } from "./index.js";

const png = fixtureBytes("cheetah.png");
const server = useTaskServer({ bytes: png, contentType: "image/png" });

const client = () => createClient(server.clientOptions());

describe("@infer/task-text-to-image", () => {
  describe("textToImage parameters", () => {
    it("sends scheduler and seed snake_case after the others, in the table's order, and returns the image", async () => {
      const image = await textToImage(client(), "a tortoise", {
        model: "stabilityai/stable-diffusion-2",
        seed: 42,
        scheduler: "DPMSolverMultistepScheduler",
        guidanceScale: 7.5,
        width: 512,
      });
      const request = server.last();
      expect(request.url).toBe("/models/stabilityai/stable-diffusion-2");
      expect(request.body.toString("utf8")).toBe(
        '{"inputs":"a tortoise","parameters":{"width":512,"guidance_scale":7.5,"scheduler":"DPMSolverMultistepScheduler","seed":42}}',
      );
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("sends scheduler alone as scheduler", async () => {
      await textToImage(client(), "a tortoise", { model: "m", scheduler: "EulerAncestralDiscreteScheduler" });
      expect(server.last().json()).toEqual({
        inputs: "a tortoise",
        parameters: { scheduler: "EulerAncestralDiscreteScheduler" },
      });
    });

    it("sends seed alone as seed, 0 included", async () => {
      await textToImage(client(), "a tortoise", { model: "m", seed: 0 });
      expect(server.last().json()).toEqual({ inputs: "a tortoise", parameters: { seed: 0 } });
    });

    it("sends no parameters when scheduler and seed are undefined", async () => {
      await textToImage(client(), "a tortoise", { model: "m", scheduler: undefined, seed: undefined });
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"a tortoise"}');
    });

    it("rejects a bad scheduler naming options.scheduler, before any request", async () => {
      for (const scheduler of [5, null, ["DDIMScheduler"]]) {
        await server.expectInputError(
          () => textToImage(client(), "a tortoise", { model: "m", ...{ scheduler: scheduler as unknown as string } }),
          "options.scheduler",
        );
      }
    });

    it("rejects a bad seed naming options.seed, before any request", async () => {
      for (const seed of [-1, 1.5, "42", Number.NaN, Number.POSITIVE_INFINITY, null]) {
        await server.expectInputError(
          () => textToImage(client(), "a tortoise", { model: "m", ...{ seed: seed as number } }),
          "options.seed",
        );
      }
    });
  });
});
