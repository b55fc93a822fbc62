import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { findTapes, fixtureBytes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textToSpeech } from "./index.js";

const MODEL = "espnet/kan-bayashi_ljspeech_vits";
const tape = findTapes(MODEL)[0]!;
const recordedType = tape.response.headers["content-type"]!;
const recordedInputs = (JSON.parse(tape.init.body ?? "{}") as { inputs: string }).inputs;
// The tape keeps no binary body: answer with real audio under the recorded Content-Type.
const audio = fixtureBytes("sample1.flac");
const server = useTaskServer({ bytes: audio, contentType: recordedType });

const client = () => createClient(server.clientOptions());

describe("@infer/task-text-to-speech", () => {
  describe("textToSpeech", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the audio as a Blob of the server's type", async () => {
      const blob = await textToSpeech(client(), recordedInputs, { model: MODEL });
      const request = server.last();
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
      server.answerNext({ json: [{ generated_text: "not audio" }] });
      const error = await textToSpeech(client(), "hi", { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "not audio" }]);
    });
  });
});
