import { createClient } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageClassification } from "./index.js";

const recorded: unknown = tapeJson("google/vit-base-patch16-224").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-image-classification", () => {
  describe("imageClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await imageClassification(client(), fixturePath("cheetah.png"), {
        model: "google/vit-base-patch16-224",
        ...{ topK: 3, functionToApply: "softmax" },
      });
      const request = server.last();
      expect(request.url).toBe("/models/google/vit-base-patch16-224");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: fixtureBytes("cheetah.png").toString("base64"),
        parameters: { top_k: 3, function_to_apply: "softmax" },
      });
      expect(output).toEqual(recorded);
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await imageClassification(client(), fixturePath("cheetah.png"), {
        model: "google/vit-base-patch16-224",
        topK: undefined,
      });
      const request = server.last();
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("cheetah.png"))).toBe(true);
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      await server.expectInputError(
        () =>
          imageClassification(client(), fixturePath("cheetah.png"), {
            model: "google/vit-base-patch16-224",
            ...{ topK: 0 },
          }),
        "options.topK",
      );
    });

    it("rejects a bad functionToApply naming options.functionToApply, before any request", async () => {
      for (const functionToApply of ["max", "Sigmoid", 1]) {
        await server.expectInputError(
          () =>
            imageClassification(client(), fixturePath("cheetah.png"), {
              model: "google/vit-base-patch16-224",
              ...{ functionToApply: functionToApply as "none" },
            }),
          "options.functionToApply",
        );
      }
    });
  });
});
