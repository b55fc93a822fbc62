import { createClient } from "@infer/core";
import { fixtureBytes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageToImage } from "./index.js";

const model = "lllyasviel/sd-controlnet-canny";
const edges = fixtureBytes("bird_canny.png");
const edgesBase64 = edges.toString("base64");
const png = fixtureBytes("cheetah.png");
const server = useTaskServer({ bytes: png, contentType: "image/png" });

const client = () => createClient(server.clientOptions());

describe("@infer/task-image-to-image", () => {
  describe("imageToImage parameters", () => {
    it("sends targetSize as target_size {width, height}, last in the table's order, and returns the image", async () => {
      const image = await imageToImage(client(), new Uint8Array(edges), {
        model,
        targetSize: { width: 512, height: 256 },
        prompt: "a red bird",
      });
      const request = server.last();
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.body.toString("utf8")).toBe(
        `{"inputs":"${edgesBase64}","parameters":{"prompt":"a red bird","target_size":{"width":512,"height":256}}}`,
      );
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("sends targetSize alone, the image then as base64", async () => {
      await imageToImage(client(), new Uint8Array(edges), { model, targetSize: { width: 8, height: 16 } });
      expect(server.last().json()).toEqual({
        inputs: edgesBase64,
        parameters: { target_size: { width: 8, height: 16 } },
      });
    });

    it("sends the raw image when targetSize is undefined", async () => {
      await imageToImage(client(), new Uint8Array(edges), { model, targetSize: undefined });
      expect(server.last().body.equals(edges)).toBe(true);
    });

    it("rejects a targetSize that is not an object naming options.targetSize, before any request", async () => {
      for (const targetSize of ["512x512", 512, null, [512, 512]]) {
        await server.expectInputError(
          () =>
            imageToImage(client(), new Uint8Array(edges), {
              model,
              ...{ targetSize: targetSize as unknown as { width: number; height: number } },
            }),
          "options.targetSize",
        );
      }
    });

    it.each([
      ["width", { width: 0, height: 512 }],
      ["width", { width: 511.5, height: 512 }],
      ["width", { height: 512 }],
      ["height", { width: 512, height: -8 }],
      ["height", { width: 512, height: "512" }],
      ["height", { width: 512 }],
    ])(
      "rejects a bad or missing targetSize.%s naming options.targetSize.%s, before any request",
      async (side, size) => {
        await server.expectInputError(
          () =>
            imageToImage(client(), new Uint8Array(edges), {
              model,
              ...{ targetSize: size as unknown as { width: number; height: number } },
            }),
          `options.targetSize.${side}`,
        );
      },
    );
  });
});
