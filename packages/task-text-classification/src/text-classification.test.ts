import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textClassification } from "./index.js";

const recorded = tapeJson("distilbert-base-uncased-finetuned-sst-2-english");
let server: TestServer;
let answer: { status: number; body: unknown } = { status: 200, body: recorded.body };

beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, answer.body, answer.status));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-text-classification", () => {
  describe("textClassification", () => {
    it("sends {inputs} as JSON to /models/{model} and unwraps [0] of the recorded answer", async () => {
      answer = { status: 200, body: recorded.body };
      const labels = await textClassification(client(), "I like you. I love you.", {
        model: "distilbert-base-uncased-finetuned-sst-2-english",
      });
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/distilbert-base-uncased-finetuned-sst-2-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "I like you. I love you." });
      expect(labels).toEqual((recorded.body as unknown[])[0]);
      expect(labels[0]?.label).toBe("POSITIVE");
    });

    it("is a method after client.with(textClassification)", async () => {
      answer = { status: 200, body: recorded.body };
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
      answer = { status: 200, body: { unexpected: true } };
      const error = await textClassification(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ unexpected: true });
    });
  });
});
