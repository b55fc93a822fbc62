import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { audioClassification } from "./index.js";

const MODEL = "superb/hubert-large-superb-er";
const recorded = tapeJson(MODEL);
const sample = fixtureBytes("sample1.flac");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-audio-classification", () => {
  describe("audioClassification", () => {
    it("streams a path as the raw body to /models/{model}, typed audio/flac, and returns the recorded labels as is", async () => {
      const labels = await audioClassification(client(), fixturePath("sample1.flac"), { model: MODEL });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("audio/flac");
      expect(request.body.equals(sample)).toBe(true);
      expect(labels).toEqual(recorded.body);
      expect(labels[0]).toEqual({ score: 0.5927601456642151, label: "neu" });
    });

    it("sends bytes as they are, with no Content-Type", async () => {
      await audioClassification(client(), new Uint8Array(sample), { model: MODEL });
      const request = server.last();
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body.equals(sample)).toBe(true);
    });

    it("is a method after client.with(audioClassification)", async () => {
      const labels = await client().with(audioClassification).audioClassification(sample, { model: MODEL });
      expect(labels).toHaveLength(4);
      expect(audioClassification.taskName).toBe("audio-classification");
      expect(audioClassification.methodName).toBe("audioClassification");
    });

    it("rejects a missing file with InferenceInputError naming `audio`, before any request", async () => {
      const before = server.requests.length;
      await expect(audioClassification(client(), "/no/such/sample.flac", { model: MODEL })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "audio",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: { text: "not labels" } });
      const error = await audioClassification(client(), sample, { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ text: "not labels" });
    });
  });
});
