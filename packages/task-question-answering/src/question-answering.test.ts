import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { questionAnswering } from "./index.js";

const recorded = tapeJson("/models/deepset/roberta-base-squad2");
const question = "What is the capital of France?";
const context = "The capital of France is Paris.";
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-question-answering", () => {
  describe("questionAnswering", () => {
    it("sends {question, context} at the top level to /models/{model} and returns the recorded answer as is", async () => {
      const result = await questionAnswering(client(), question, context, { model: "deepset/roberta-base-squad2" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/deepset/roberta-base-squad2");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ question, context });
      expect(result).toEqual(recorded.body);
      expect(context.slice(result.start, result.end)).toBe("Paris");
    });

    it("keeps fields it does not know", async () => {
      server.answerNext({ json: { answer: "Paris", score: 0.9, start: 25, end: 30, extra: "kept" } });
      const result = await questionAnswering(client(), question, context, { model: "m" });
      expect(result).toEqual({ answer: "Paris", score: 0.9, start: 25, end: 30, extra: "kept" });
    });

    it("is a method after client.with(questionAnswering)", async () => {
      const result = await client().with(questionAnswering).questionAnswering(question, context, { model: "m" });
      expect(result.answer).toBe("Paris");
      expect(questionAnswering.taskName).toBe("question-answering");
      expect(questionAnswering.methodName).toBe("questionAnswering");
    });

    it("rejects a missing question or context before any request, naming it", async () => {
      const before = server.requests.length;
      await expect(
        questionAnswering(client(), undefined as unknown as string, context, { model: "m" }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === "question");
      await expect(questionAnswering(client(), question, "", { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "context",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [recorded.body] });
      const error = await questionAnswering(client(), question, context, { model: "m" }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([recorded.body]);
    });
  });
});
