import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { zeroShotClassification } from "./index.js";

const recorded = tapeJson("facebook/bart-large-mnli");
const text =
  "Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!";
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-zero-shot-classification", () => {
  describe("zeroShotClassification", () => {
    it("sends the labels comma-joined as candidate_labels and zips the recorded answer", async () => {
      const labels = await zeroShotClassification(client(), text, ["refund", "legal", "faq"], {
        model: "facebook/bart-large-mnli",
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/facebook/bart-large-mnli");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: text, parameters: { candidate_labels: "refund,legal,faq" } });
      expect(labels).toEqual([
        { label: "refund", score: 0.8777875304222107 },
        { label: "faq", score: 0.10522652417421341 },
        { label: "legal", score: 0.01698593609035015 },
      ]);
    });

    it("reads the unwrapped {sequence, labels, scores} answer too", async () => {
      server.answerNext({ json: { sequence: "x", labels: ["b", "a"], scores: [0.7, 0.3] } });
      const labels = await zeroShotClassification(client(), "x", ["a", "b"], { model: "m" });
      expect(labels).toEqual([
        { label: "b", score: 0.7 },
        { label: "a", score: 0.3 },
      ]);
    });

    it("sends multi_label only when set", async () => {
      server.answerNext({ json: { sequence: "x", labels: ["a", "b"], scores: [0.9, 0.8] } });
      await zeroShotClassification(client(), "x", ["a", "b"], { model: "m", multiLabel: true });
      expect(server.last().json()).toEqual({ inputs: "x", parameters: { candidate_labels: "a,b", multi_label: true } });
      await zeroShotClassification(client(), "x", ["a", "b"], { model: "m", multiLabel: false });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: { candidate_labels: "a,b", multi_label: false },
      });
    });

    it("sends hypothesisTemplate as hypothesis_template", async () => {
      server.answerNext({ json: { sequence: "x", labels: ["a", "b"], scores: [0.9, 0.8] } });
      await zeroShotClassification(client(), "x", ["a", "b"], {
        model: "m",
        hypothesisTemplate: "This review is about {}.",
      });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: { candidate_labels: "a,b", hypothesis_template: "This review is about {}." },
      });
    });

    it("rejects a hypothesisTemplate that is not a string or has no {} before any request", async () => {
      await server.expectInputError(
        () => zeroShotClassification(client(), "x", ["a", "b"], { model: "m", hypothesisTemplate: 3 as never }),
        "options.hypothesisTemplate",
      );
      await server.expectInputError(
        () => zeroShotClassification(client(), "x", ["a", "b"], { model: "m", hypothesisTemplate: "No slot." }),
        "options.hypothesisTemplate",
      );
    });

    it("sends no multi_label key when multiLabel is not set", async () => {
      server.answerNext({ json: { sequence: "x", labels: ["a", "b"], scores: [0.9, 0.8] } });
      await zeroShotClassification(client(), "x", ["a", "b"], { model: "m" });
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"x","parameters":{"candidate_labels":"a,b"}}');
    });

    it("rejects fewer than two labels, or labels that cannot be comma-joined, before any request", async () => {
      const before = server.requests.length;
      for (const labels of [[], ["refund"], "refund,legal", ["refund", 2], ["refund", "legal, tax"], ["refund", " "]]) {
        await expect(zeroShotClassification(client(), "x", labels as string[], { model: "m" })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "labels",
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects a non-string text and a non-boolean multiLabel before any request", async () => {
      const before = server.requests.length;
      await expect(
        zeroShotClassification(client(), 42 as unknown as string, ["a", "b"], { model: "m" }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text");
      await expect(
        zeroShotClassification(client(), "x", ["a", "b"], { model: "m", multiLabel: "yes" as unknown as boolean }),
      ).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.multiLabel",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      for (const body of [[{ label: "a", score: 1 }], { sequence: "x", labels: ["a", "b"], scores: [1] }]) {
        server.answerNext({ json: body });
        const error = await zeroShotClassification(client(), "x", ["a", "b"], { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceOutputError.isInstance(error)).toBe(true);
        expect((error as InferenceOutputError).body).toEqual(body);
      }
    });

    it("is a method after client.with(zeroShotClassification)", async () => {
      const labels = await client()
        .with(zeroShotClassification)
        .zeroShotClassification(text, ["refund", "legal", "faq"], { model: "m" });
      expect(labels[0]?.label).toBe("refund");
      expect(zeroShotClassification.taskName).toBe("zero-shot-classification");
      expect(zeroShotClassification.methodName).toBe("zeroShotClassification");
    });
  });
});
