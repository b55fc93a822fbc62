import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionAnswering } from "./index.js";

const recorded = tapeJson("/models/deepset/roberta-base-squad2");
const question = "What is the capital of France?";
const context = "The capital of France is Paris.";
let server: TestServer;
let answer: { status: number; body: unknown } = { status: 200, body: recorded.body };

beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, answer.body, answer.status));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-question-answering", () => {
  describe("questionAnswering", () => {
    it("sends {question, context} at the top level to /models/{model} and returns the recorded answer as is", async () => {
      answer = { status: 200, body: recorded.body };
      const result = await questionAnswering(client(), question, context, { model: "deepset/roberta-base-squad2" });
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/deepset/roberta-base-squad2");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ question, context });
      expect(result).toEqual(recorded.body);
      expect(context.slice(result.start, result.end)).toBe("Paris");
    });

    it("keeps fields it does not know", async () => {
      answer = { status: 200, body: { answer: "Paris", score: 0.9, start: 25, end: 30, extra: "kept" } };
      const result = await questionAnswering(client(), question, context, { model: "m" });
      expect(result).toEqual({ answer: "Paris", score: 0.9, start: 25, end: 30, extra: "kept" });
    });

    it("is a method after client.with(questionAnswering)", async () => {
      answer = { status: 200, body: recorded.body };
      const result = await client().with(questionAnswering).questionAnswering(question, context, { model: "m" });
      expect(result.answer).toBe("Paris");
      expect(questionAnswering.taskName).toBe("question-answering");
      expect(questionAnswering.methodName).toBe("questionAnswering");
    });

    it("rejects a missing question or context before any request, naming it", async () => {
      const before = server.requests.length;
      await expect(questionAnswering(client(), undefined as unknown as string, context, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "question",
      );
      await expect(questionAnswering(client(), question, "", { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "context",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      answer = { status: 200, body: [recorded.body] };
      const error = await questionAnswering(client(), question, context, { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([recorded.body]);
    });
  });
});
