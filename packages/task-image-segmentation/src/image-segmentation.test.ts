import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageSegmentation } from "./index.js";

const MODEL = "facebook/detr-resnet-50-panoptic";
const recorded = tapeJson(MODEL);
const recordedSegments = recorded.body as { label: string; score: number; mask: string }[];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const cheetah = fixtureBytes("cheetah.png");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-image-segmentation", () => {
  describe("imageSegmentation", () => {
    it("streams a path as the raw body to /models/{model}, typed image/png", async () => {
      await imageSegmentation(client(), fixturePath("cheetah.png"), { model: MODEL });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("returns the recorded labels and scores with each mask decoded to an image/png Blob", async () => {
      const segments = await imageSegmentation(client(), new Uint8Array(cheetah), { model: MODEL });
      expect(server.last().body.equals(cheetah)).toBe(true);
      expect(segments).toHaveLength(recordedSegments.length);
      for (const [index, segment] of segments.entries()) {
        const expected = recordedSegments[index]!;
        expect(segment.label).toBe(expected.label);
        expect(segment.score).toBe(expected.score);
        expect(segment.mask).toBeInstanceOf(Blob);
        expect(segment.mask.type).toBe("image/png");
        const bytes = new Uint8Array(await segment.mask.arrayBuffer());
        expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        expect(Buffer.from(bytes).equals(Buffer.from(expected.mask, "base64"))).toBe(true);
      }
      expect(segments.map((segment) => segment.label)).toEqual(["LABEL_199", "cat", "cat", "cat", "cat", "cat", "cat"]);
    });

    it("accepts a null score (semantic segmentation) and keeps fields it does not read", async () => {
      const mask = recordedSegments[0]!.mask;
      server.answerNext({ json: [{ label: "sky", score: null, mask, area: 1234 }] });
      const segments = await imageSegmentation(client(), cheetah, { model: MODEL });
      expect(segments[0]).toMatchObject({ label: "sky", score: null, area: 1234 });
      expect(segments[0]!.mask.type).toBe("image/png");
    });

    it("is a method after client.with(imageSegmentation)", async () => {
      const segments = await client().with(imageSegmentation).imageSegmentation(cheetah, { model: MODEL });
      expect(segments).toHaveLength(7);
      expect(imageSegmentation.taskName).toBe("image-segmentation");
      expect(imageSegmentation.methodName).toBe("imageSegmentation");
    });

    it("rejects a directory with InferenceInputError naming `image`, before any request", async () => {
      const before = server.requests.length;
      await expect(imageSegmentation(client(), import.meta.dirname, { model: MODEL })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "image",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a segment without a base64 mask with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ label: "cat", score: 0.9 }] });
      const error = await imageSegmentation(client(), cheetah, { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ label: "cat", score: 0.9 }]);
    });
  });
});
