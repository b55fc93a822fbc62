import { createClient, InferenceInputError, InferenceOutputError, type PipelineLayout } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { featureExtraction } from "./index.js";

const pooled = tapeJson("/pipeline/feature-extraction/sentence-transformers/paraphrase-xlm-r-multilingual-v1");
const perToken = tapeJson("/models/facebook/bart-base", '"inputs":"That is a happy person"');
const batch = tapeJson("/models/facebook/bart-base", '"inputs":["hello"');
const server = useTaskServer({ json: pooled.body });

const client = (pipelineLayout?: PipelineLayout) =>
  createClient({ ...server.clientOptions(), ...(pipelineLayout ? { pipelineLayout } : {}) });

/** The depths of a nested array, e.g. [3, 2] for [[1, 2], [3, 4], [5, 6]]. */
function shape(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...shape(value[0])] : [];
}

describe("@infer/task-feature-extraction", () => {
  describe("featureExtraction", () => {
    it("sends {inputs} to the legacy pipeline route by default on a custom endpoint and returns the recorded vector", async () => {
      const vector = await featureExtraction(client(), "That is a happy person", {
        model: "sentence-transformers/paraphrase-xlm-r-multilingual-v1",
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/pipeline/feature-extraction/sentence-transformers/paraphrase-xlm-r-multilingual-v1");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "That is a happy person" });
      expect(vector).toEqual(pooled.body);
      expect(shape(vector)).toEqual([768]);
      expect(vector[0]).toBeCloseTo(0.2482035, 6);
    });

    it("sends to /models/{model}/pipeline/feature-extraction with the router layout", async () => {
      await featureExtraction(client("router"), "That is a happy person", {
        model: "sentence-transformers/paraphrase-xlm-r-multilingual-v1",
      });
      expect(server.last().url).toBe(
        "/models/sentence-transformers/paraphrase-xlm-r-multilingual-v1/pipeline/feature-extraction",
      );
    });

    it("sends to /pipeline/feature-extraction/{model} with the legacy layout given explicitly", async () => {
      await featureExtraction(client("legacy"), "That is a happy person", { model: "facebook/bart-base" });
      expect(server.last().url).toBe("/pipeline/feature-extraction/facebook/bart-base");
    });

    it("uses a model URL as is", async () => {
      await featureExtraction(client("router"), "That is a happy person", { model: `${server.url}/embed` });
      expect(server.last().url).toBe("/embed");
    });

    it("returns the recorded per-token answer nested as the server shaped it", async () => {
      server.answerNext({ json: perToken.body });
      const features = await featureExtraction(client(), "That is a happy person", { model: "facebook/bart-base" });
      expect(features).toEqual(perToken.body);
      expect(shape(features)).toEqual(shape(perToken.body));
      expect(shape(features)).toHaveLength(3);
    });

    it("sends a batch of texts as an array and returns the recorded batch answer", async () => {
      server.answerNext({ json: batch.body });
      const features = await featureExtraction(client(), ["hello", "That is a happy person"], {
        model: "facebook/bart-base",
      });
      expect(server.last().json()).toEqual({ inputs: ["hello", "That is a happy person"] });
      expect(features).toEqual(batch.body);
      expect(shape(features)).toHaveLength(4);
    });

    it("is a method after client.with(featureExtraction)", async () => {
      server.answerNext({
        json: [
          [0.5, -1],
          [2, 3],
        ],
      });
      const features = await client().with(featureExtraction).featureExtraction("hi", { model: "m" });
      expect(features).toEqual([
        [0.5, -1],
        [2, 3],
      ]);
      expect(featureExtraction.taskName).toBe("feature-extraction");
      expect(featureExtraction.methodName).toBe("featureExtraction");
    });

    it("rejects a text that is not a string or a list of strings before any request", async () => {
      const before = server.requests.length;
      for (const bad of [undefined, "", [], ["hello", 1]]) {
        await expect(featureExtraction(client(), bad as unknown as string, { model: "m" })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer that is not nested arrays of numbers with InferenceOutputError carrying the body", async () => {
      for (const body of [
        { embeddings: [1, 2] },
        [
          [0.1, 0.2],
          [0.3, "0.4"],
        ],
        [[[0.1]], [null]],
      ]) {
        server.answerNext({ json: body });
        const error = await featureExtraction(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
        expect(InferenceOutputError.isInstance(error)).toBe(true);
        expect((error as InferenceOutputError).body).toEqual(body);
      }
    });
  });
});
