import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, fixturePath, sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioClassification } from "./index.js";

const MODEL = "superb/hubert-large-superb-er";
const recorded = tapeJson(MODEL);
const sample = fixtureBytes("sample1.flac");
let server: TestServer;
let answer: { status: number; body: unknown } = { status: 200, body: recorded.body };

beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, answer.body, answer.status));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-audio-classification", () => {
  describe("audioClassification", () => {
    it("streams a path as the raw body to /models/{model}, typed audio/flac, and returns the recorded labels as is", async () => {
      answer = { status: 200, body: recorded.body };
      const labels = await audioClassification(client(), fixturePath("sample1.flac"), { model: MODEL });
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("audio/flac");
      expect(request.body.equals(sample)).toBe(true);
      expect(labels).toEqual(recorded.body);
      expect(labels[0]).toEqual({ score: 0.5927601456642151, label: "neu" });
    });

    it("sends bytes as they are, with no Content-Type", async () => {
      answer = { status: 200, body: recorded.body };
      await audioClassification(client(), new Uint8Array(sample), { model: MODEL });
      const request = server.requests.at(-1)!;
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body.equals(sample)).toBe(true);
    });

    it("is a method after client.with(audioClassification)", async () => {
      answer = { status: 200, body: recorded.body };
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
      answer = { status: 200, body: { text: "not labels" } };
      const error = await audioClassification(client(), sample, { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ text: "not labels" });
    });
  });
});
