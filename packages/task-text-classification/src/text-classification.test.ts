import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textClassification } from "./index.js";

const recorded = tapeJson("distilbert-base-uncased-finetuned-sst-2-english");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-text-classification", () => {
  describe("textClassification", () => {
    it("sends {inputs} as JSON to /models/{model} and unwraps [0] of the recorded answer", async () => {
      const labels = await textClassification(client(), "I like you. I love you.", {
        model: "distilbert-base-uncased-finetuned-sst-2-english",
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/distilbert-base-uncased-finetuned-sst-2-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "I like you. I love you." });
      expect(labels).toEqual((recorded.body as unknown[])[0]);
      expect(labels[0]?.label).toBe("POSITIVE");
    });

    it("is a method after client.with(textClassification)", async () => {
      const labels = await client().with(textClassification).textClassification("good", { model: "m" });
      expect(labels).toHaveLength(2);
      expect(textClassification.taskName).toBe("text-classification");
      expect(textClassification.methodName).toBe("textClassification");
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(textClassification(client(), 42 as unknown as string, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: { unexpected: true } });
      const error = await textClassification(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ unexpected: true });
    });
  });
});
