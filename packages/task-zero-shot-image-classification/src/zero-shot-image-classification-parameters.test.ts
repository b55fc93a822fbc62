import { createClient } from "@infer/core";
import { fixtureBytes, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { zeroShotImageClassification } from "./index.js";

const model = "openai/clip-vit-large-patch14-336";
const recorded = tapeJson(model).body;
const cheetah = fixtureBytes("cheetah.png");
const labels = ["animal", "toy", "car"];
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-zero-shot-image-classification", () => {
  describe("zeroShotImageClassification parameters", () => {
    it("sends hypothesisTemplate as hypothesis_template beside candidate_labels and returns the answer", async () => {
      const result = await zeroShotImageClassification(client(), new Uint8Array(cheetah), labels, {
        model,
        hypothesisTemplate: "A picture of a {}.",
      });
      const request = server.last();
      expect(request.url).toBe(`/models/${model}`);
      expect(request.json()).toEqual({
        image: cheetah.toString("base64"),
        parameters: { candidate_labels: "animal,toy,car", hypothesis_template: "A picture of a {}." },
      });
      expect(result).toEqual(recorded);
    });

    it("sends only candidate_labels when no parameter is set, an explicit undefined included", async () => {
      await zeroShotImageClassification(client(), new Uint8Array(cheetah), labels, {
        model,
        hypothesisTemplate: undefined,
      });
      expect(server.last().body.toString("utf8")).toBe(
        `{"image":"${cheetah.toString("base64")}","parameters":{"candidate_labels":"animal,toy,car"}}`,
      );
    });

    it("rejects a bad hypothesisTemplate naming options.hypothesisTemplate, before any request", async () => {
      for (const hypothesisTemplate of [5, null, ["This is {}."], { template: "{}" }]) {
        await server.expectInputError(
          () =>
            zeroShotImageClassification(client(), new Uint8Array(cheetah), labels, {
              model,
              ...{ hypothesisTemplate: hypothesisTemplate as unknown as string },
            }),
          "options.hypothesisTemplate",
        );
      }
    });
  });
});
