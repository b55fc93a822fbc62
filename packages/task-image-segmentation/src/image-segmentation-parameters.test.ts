import { createClient } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageSegmentation } from "./index.js";

const recorded: unknown = tapeJson("facebook/detr-resnet-50-panoptic").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-image-segmentation", () => {
  describe("imageSegmentation parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await imageSegmentation(client(), fixturePath("cheetah.png"), {
        model: "facebook/detr-resnet-50-panoptic",
        ...{ threshold: 0.5, maskThreshold: 0.4, overlapMaskAreaThreshold: 0.3, subtask: "panoptic" },
      });
      const request = server.last();
      expect(request.url).toBe("/models/facebook/detr-resnet-50-panoptic");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: fixtureBytes("cheetah.png").toString("base64"),
        parameters: { threshold: 0.5, mask_threshold: 0.4, overlap_mask_area_threshold: 0.3, subtask: "panoptic" },
      });
      expect(output.map((segment) => segment.label)).toEqual(
        (recorded as { label: string }[]).map((segment) => segment.label),
      );
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await imageSegmentation(client(), fixturePath("cheetah.png"), {
        model: "facebook/detr-resnet-50-panoptic",
        subtask: undefined,
      });
      const request = server.last();
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("cheetah.png"))).toBe(true);
    });

    it("rejects a bad subtask naming options.subtask, before any request", async () => {
      await server.expectInputError(
        () =>
          imageSegmentation(client(), fixturePath("cheetah.png"), {
            model: "facebook/detr-resnet-50-panoptic",
            ...{ subtask: "all" as "panoptic" },
          }),
        "options.subtask",
      );
    });
  });
});
