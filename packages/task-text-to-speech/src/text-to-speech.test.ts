import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { findTapes, fixtureBytes, sendBytes, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textToSpeech } from "./index.js";

const MODEL = "espnet/kan-bayashi_ljspeech_vits";
const tape = findTapes(MODEL)[0]!;
const recordedType = tape.response.headers["content-type"]!;
const recordedInputs = (JSON.parse(tape.init.body ?? "{}") as { inputs: string }).inputs;
// The tape keeps no binary body: answer with real audio under the recorded Content-Type.
const audio = fixtureBytes("sample1.flac");
let server: TestServer;
let answerJson: unknown;

beforeAll(async () => {
  server = await startServer((_request, response) =>
    answerJson === undefined ? sendBytes(response, audio, recordedType) : sendJson(response, answerJson),
  );
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-text-to-speech", () => {
  describe("textToSpeech", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the audio as a Blob of the server's type", async () => {
      answerJson = undefined;
      const blob = await textToSpeech(client(), recordedInputs, { model: MODEL });
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "hello there!" });
      expect(recordedType).toBe("audio/flac");
      expect(blob.type).toBe("audio/flac");
      expect(Buffer.from(await blob.arrayBuffer()).equals(audio)).toBe(true);
    });

    it("is a method after client.with(textToSpeech)", async () => {
      answerJson = undefined;
      const blob = await client().with(textToSpeech).textToSpeech("hi", { model: MODEL });
      expect(blob.size).toBe(audio.byteLength);
      expect(textToSpeech.taskName).toBe("text-to-speech");
      expect(textToSpeech.methodName).toBe("textToSpeech");
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(textToSpeech(client(), 42 as unknown as string, { model: MODEL })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a JSON answer with InferenceOutputError carrying the parsed body", async () => {
      answerJson = [{ generated_text: "not audio" }];
      const error = await textToSpeech(client(), "hi", { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "not audio" }]);
    });
  });
});
