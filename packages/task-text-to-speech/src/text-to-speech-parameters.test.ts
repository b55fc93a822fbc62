import { createClient } from "@infer/core";
import { findTapes, fixtureBytes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textToSpeech, type TextToSpeechOptions } from "./index.js";

const MODEL = "espnet/kan-bayashi_ljspeech_vits";
const recordedType = findTapes(MODEL)[0]!.response.headers["content-type"]!;
const audio = fixtureBytes("sample1.flac");
const server = useTaskServer({ bytes: audio, contentType: recordedType });

const client = () => createClient(server.clientOptions());

/** Each parameter: its wire name, a value to send, and values to reject. */
const PARAMETERS: [name: string, wire: string, good: unknown, bad: unknown[]][] = [
  ["doSample", "do_sample", true, ["true", 1, null]],
  ["earlyStopping", "early_stopping", false, ["never", 0, null]],
  ["epsilonCutoff", "epsilon_cutoff", 0.0003, [-0.1, 1, "0.1", Number.NaN]],
  ["etaCutoff", "eta_cutoff", 0, [-0.1, 1, "0.1", Number.NaN]],
  ["maxLength", "max_length", 256, [0, 1.5, "256", null]],
  ["maxNewTokens", "max_new_tokens", 1, [0, -1, 2.5, "1"]],
  ["minLength", "min_length", 0, [-1, 0.5, "0"]],
  ["minNewTokens", "min_new_tokens", 10, [-1, 0.5, "10"]],
  ["numBeamGroups", "num_beam_groups", 2, [0, 1.5, "2"]],
  ["numBeams", "num_beams", 4, [0, -4, 4.5, "4"]],
  ["penaltyAlpha", "penalty_alpha", 0.6, [-0.1, "0.6", Number.POSITIVE_INFINITY]],
  ["temperature", "temperature", 0.7, [0, -1, "0.7", Number.NaN]],
  ["topK", "top_k", 50, [-1, 2.5, "50"]],
  ["topP", "top_p", 1, [0, 1.1, "0.9"]],
  ["typicalP", "typical_p", 0.95, [0, 1.5, "0.95"]],
  ["useCache", "use_cache", false, ["false", 0, null]],
];

describe("@infer/task-text-to-speech", () => {
  describe("textToSpeech parameters", () => {
    it("sends every parameter snake_case under parameters, not nested, and returns the audio", async () => {
      const options = Object.fromEntries(PARAMETERS.map(([name, , good]) => [name, good]));
      const blob = await textToSpeech(client(), "hello there!", { model: MODEL, ...options });
      const request = server.last();
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: "hello there!",
        parameters: Object.fromEntries(PARAMETERS.map(([, wire, good]) => [wire, good])),
      });
      expect(Buffer.from(await blob.arrayBuffer()).equals(audio)).toBe(true);
    });

    it.each(PARAMETERS)("sends %s alone as %s", async (name, wire, good) => {
      await textToSpeech(client(), "hi", { model: MODEL, [name]: good } as TextToSpeechOptions);
      expect(server.last().json()).toEqual({ inputs: "hi", parameters: { [wire]: good } });
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await textToSpeech(client(), "hi", { model: MODEL, doSample: undefined, topK: undefined });
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"hi"}');
    });

    it.each(PARAMETERS)("rejects a bad %s before any request", async (name, _wire, _good, bad) => {
      for (const value of bad) {
        await server.expectInputError(
          () => textToSpeech(client(), "hi", { model: MODEL, [name]: value } as TextToSpeechOptions),
          `options.${name}`,
        );
      }
    });
  });
});
