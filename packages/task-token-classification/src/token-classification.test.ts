import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tokenClassification } from "./index.js";

const recorded = tapeJson("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
const text = "My name is Sarah Jessica Parker but you can call me Jessica";
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-token-classification", () => {
  describe("tokenClassification", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the recorded entities as they are", async () => {
      const entities = await tokenClassification(client(), text, {
        model: "dbmdz/bert-large-cased-finetuned-conll03-english",
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: text });
      expect(entities).toEqual(recorded.body);
      expect(entities.map((entity) => text.slice(entity.start, entity.end))).toEqual([
        "Sarah Jessica Parker",
        "Jessica",
      ]);
    });

    it("keeps fields it does not know", async () => {
      server.answerNext({ json: [{ entity_group: "LOC", score: 0.9, word: "Paris", start: 0, end: 5, index: 1 }] });
      const entities = await tokenClassification(client(), "Paris", { model: "m" });
      expect(entities[0]).toEqual({ entity_group: "LOC", score: 0.9, word: "Paris", start: 0, end: 5, index: 1 });
    });

    it("sends the call's headers", async () => {
      server.answerNext({ json: [] });
      await tokenClassification(client(), "nothing here", { model: "m", headers: { "x-trace": "abc" } });
      expect(server.last().headers["x-trace"]).toBe("abc");
    });

    it("is a method after client.with(tokenClassification)", async () => {
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
      const body = [{ entity: "B-PER", score: 0.9, word: "Sarah", start: 11, end: 16 }];
      server.answerNext({ json: body });
      const error = await tokenClassification(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(body);
    });
  });
});
