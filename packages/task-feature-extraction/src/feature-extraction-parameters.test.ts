import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { featureExtraction, type FeatureExtractionOptions } from "./index.js";

const MODEL = "sentence-transformers/paraphrase-xlm-r-multilingual-v1";
const recorded = tapeJson(`/pipeline/feature-extraction/${MODEL}`).body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-feature-extraction", () => {
  describe("featureExtraction parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const vector = await featureExtraction(client(), "That is a happy person", {
        model: MODEL,
        ...{ normalize: true, promptName: "query", truncate: true, truncationDirection: "Left" },
      });
      const request = server.last();
      expect(request.url).toBe(`/pipeline/feature-extraction/${MODEL}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: "That is a happy person",
        parameters: { normalize: true, prompt_name: "query", truncate: true, truncation_direction: "Left" },
      });
      expect(vector).toEqual(recorded);
    });

    it.each([
      ["normalize", false, "normalize"],
      ["promptName", "passage", "prompt_name"],
      ["truncate", false, "truncate"],
      ["truncationDirection", "Right", "truncation_direction"],
    ])("sends %s alone as %s", async (name, value, wire) => {
      await featureExtraction(client(), ["hello", "world"], {
        model: MODEL,
        [name]: value,
      } as FeatureExtractionOptions);
      expect(server.last().json()).toEqual({ inputs: ["hello", "world"], parameters: { [wire as string]: value } });
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await featureExtraction(client(), "That is a happy person", { model: MODEL, normalize: undefined });
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"That is a happy person"}');
    });

    it.each([
      ["normalize", ["yes", 1, null]],
      ["promptName", [5, ["query"], null]],
      ["truncate", ["true", 0, null]],
      ["truncationDirection", ["left", "right", "Up", 1]],
    ])("rejects a bad %s naming options.%s, before any request", async (name, values) => {
      for (const value of values) {
        await server.expectInputError(
          () =>
            featureExtraction(client(), "That is a happy person", {
              model: MODEL,
              [name]: value,
            } as FeatureExtractionOptions),
          `options.${name}`,
        );
      }
    });
  });
});
