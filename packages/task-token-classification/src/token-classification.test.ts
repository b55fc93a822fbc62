import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenClassification } from "./index.js";

const recorded = tapeJson("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
const text = "My name is Sarah Jessica Parker but you can call me Jessica";
let server: TestServer;
let answer: { status: number; body: unknown } = { status: 200, body: recorded.body };

beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, answer.body, answer.status));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-token-classification", () => {
  describe("tokenClassification", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the recorded entities as they are", async () => {
      answer = { status: 200, body: recorded.body };
      const entities = await tokenClassification(client(), text, { model: "dbmdz/bert-large-cased-finetuned-conll03-english" });
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: text });
      expect(entities).toEqual(recorded.body);
      expect(entities.map((entity) => text.slice(entity.start, entity.end))).toEqual(["Sarah Jessica Parker", "Jessica"]);
    });

    it("keeps fields it does not know", async () => {
      answer = { status: 200, body: [{ entity_group: "LOC", score: 0.9, word: "Paris", start: 0, end: 5, index: 1 }] };
      const entities = await tokenClassification(client(), "Paris", { model: "m" });
      expect(entities[0]).toEqual({ entity_group: "LOC", score: 0.9, word: "Paris", start: 0, end: 5, index: 1 });
    });

    it("sends the call's headers", async () => {
      answer = { status: 200, body: [] };
      await tokenClassification(client(), "nothing here", { model: "m", headers: { "x-trace": "abc" } });
      expect(server.requests.at(-1)!.headers["x-trace"]).toBe("abc");
    });

    it("is a method after client.with(tokenClassification)", async () => {
      answer = { status: 200, body: recorded.body };
      const entities = await client().with(tokenClassification).tokenClassification(text, { model: "m" });
      expect(entities[0]?.entity_group).toBe("PER");
      expect(tokenClassification.taskName).toBe("token-classification");
      expect(tokenClassification.methodName).toBe("tokenClassification");
    });

    it("rejects an empty or non-string text before any request", async () => {
      const before = server.requests.length;
      for (const bad of ["", undefined, 7]) {
        await expect(tokenClassification(client(), bad as unknown as string, { model: "m" })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      answer = { status: 200, body: [{ entity: "B-PER", score: 0.9, word: "Sarah", start: 11, end: 16 }] };
      const error = await tokenClassification(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(answer.body);
    });
  });
});
