import { createClient, InferenceHTTPError, InferenceInputError, InferenceOutputError } from "@infer/core";
import { findTapes, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { fillMask } from "./index.js";

const recorded = tapeJson("/models/bert-base-uncased", "[MASK]");
const [distilbert] = findTapes("/models/distilbert-base-uncased", "[MASK]");
const missing = tapeJson("/models/this-model-does-not-exist-123");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-fill-mask", () => {
  describe("fillMask", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the recorded candidates as they are", async () => {
      const candidates = await fillMask(client(), "[MASK] world!", { model: "bert-base-uncased" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/bert-base-uncased");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "[MASK] world!" });
      expect(candidates).toEqual(recorded.body);
      expect(candidates[0]).toMatchObject({ token: 1996, token_str: "the", sequence: "the world!" });
    });

    it("reads another recorded model's answer", async () => {
      server.answerNext({ json: JSON.parse(distilbert!.response.body) });
      const candidates = await fillMask(client(), "[MASK] world!", { model: "distilbert-base-uncased" });
      expect(server.last().url).toBe("/models/distilbert-base-uncased");
      expect(candidates[0]?.token_str).toBe("hello");
    });

    it("keeps fields it does not know", async () => {
      server.answerNext({ json: [{ score: 0.5, token: 1, token_str: "a", sequence: "a b", extra: [1] }] });
      const candidates = await fillMask(client(), "[MASK] b", { model: "m" });
      expect(candidates[0]).toEqual({ score: 0.5, token: 1, token_str: "a", sequence: "a b", extra: [1] });
    });

    it("is a method after client.with(fillMask)", async () => {
      const candidates = await client().with(fillMask).fillMask("[MASK] world!", { model: "m" });
      expect(candidates).toHaveLength((recorded.body as unknown[]).length);
      expect(fillMask.taskName).toBe("fill-mask");
      expect(fillMask.methodName).toBe("fillMask");
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(fillMask(client(), ["[MASK]"] as unknown as string, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      const body = [{ score: 0.5, token: "1", token_str: "a", sequence: "a" }];
      server.answerNext({ json: body });
      const error = await fillMask(client(), "[MASK]", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(body);
    });

    it("surfaces the recorded 404 of a missing model as InferenceHTTPError", async () => {
      server.answerNext({ json: missing.body, status: missing.tape.response.status });
      const error = await fillMask(client(), "[MASK] world!", { model: "this-model-does-not-exist-123" }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceHTTPError.isInstance(error)).toBe(true);
      expect((error as InferenceHTTPError).status).toBe(404);
      expect((error as InferenceHTTPError).serverMessage).toContain("does not exist");
    });
  });
});
