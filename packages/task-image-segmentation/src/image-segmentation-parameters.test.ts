import { createClient, InferenceInputError } from "@infer/core";
import { fixtureBytes, fixturePath, sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageSegmentation } from "./index.js";

const recorded: unknown = tapeJson("facebook/detr-resnet-50-panoptic").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-image-segmentation", () => {
  describe("imageSegmentation parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await imageSegmentation(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50-panoptic", ...{ threshold: 0.5, maskThreshold: 0.4, overlapMaskAreaThreshold: 0.3, subtask: "panoptic" } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/facebook/detr-resnet-50-panoptic");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: fixtureBytes("cheetah.png").toString("base64"), parameters: { threshold: 0.5, mask_threshold: 0.4, overlap_mask_area_threshold: 0.3, subtask: "panoptic" } });
      expect(output.map((segment) => segment.label)).toEqual((recorded as { label: string }[]).map((segment) => segment.label));
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await imageSegmentation(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50-panoptic", subtask: undefined });
      const request = server.requests.at(-1)!;
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("cheetah.png"))).toBe(true);
    });

    it("rejects a bad subtask naming options.subtask, before any request", async () => {
      const before = server.requests.length;
      const error = await imageSegmentation(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50-panoptic", ...{ subtask: "all" as "panoptic" } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.subtask");
      expect(server.requests.length).toBe(before);
    });
  });
});
