import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { automaticSpeechRecognition } from "./index.js";

const MODEL = "facebook/wav2vec2-large-960h-lv60-self";
const recorded = tapeJson(MODEL);
const recordedText = (recorded.body as { text: string }).text;
const sample = fixtureBytes("sample1.flac");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-automatic-speech-recognition", () => {
  describe("automaticSpeechRecognition", () => {
    it("streams a path as the raw body to /models/{model}, typed audio/flac, and returns the recorded text", async () => {
      const text = await automaticSpeechRecognition(client(), fixturePath("sample1.flac"), { model: MODEL });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("audio/flac");
      expect(request.body.equals(sample)).toBe(true);
      expect(text).toBe(recordedText);
      expect(text.startsWith("GOING ALONG SLUSHY COUNTRY ROADS")).toBe(true);
    });

    it("sends a Blob's bytes with the Blob's type", async () => {
      await automaticSpeechRecognition(client(), new Blob([new Uint8Array(sample)], { type: "audio/x-flac" }), {
        model: MODEL,
      });
      const request = server.last();
      expect(request.headers["content-type"]).toBe("audio/x-flac");
      expect(request.body.equals(sample)).toBe(true);
    });

    it("is a method after client.with(automaticSpeechRecognition)", async () => {
      server.answerNext({ json: { text: "hello", chunks: [] } });
      const text = await client().with(automaticSpeechRecognition).automaticSpeechRecognition(sample, { model: MODEL });
      expect(text).toBe("hello");
      expect(automaticSpeechRecognition.taskName).toBe("automatic-speech-recognition");
      expect(automaticSpeechRecognition.methodName).toBe("automaticSpeechRecognition");
    });

    it("rejects an unsupported audio value with InferenceInputError naming `audio`, before any request", async () => {
      const before = server.requests.length;
      await expect(
        automaticSpeechRecognition(client(), 42 as unknown as Uint8Array, { model: MODEL }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === "audio");
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer without a text with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ text: "wrapped" }] });
      const error = await automaticSpeechRecognition(client(), sample, { model: MODEL }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ text: "wrapped" }]);
    });
  });
});
