import { createClient, InferenceInputError } from "@infer/core";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textGeneration, type TextGenerationGrammar, type TextGenerationOptions } from "./index.js";

const server = useTaskServer({ json: [{ generated_text: "x" }] });

const client = () => createClient({ ...server.clientOptions(), token: false });

async function expectRejected(options: TextGenerationOptions, argument: string): Promise<void> {
  const before = server.requests.length;
  const error = await textGeneration(client(), "x", { model: "m", ...options }).catch((caught: unknown) => caught);
  expect(InferenceInputError.isInstance(error), JSON.stringify(options)).toBe(true);
  expect((error as InferenceInputError).argument).toBe(argument);
  expect(server.requests.length).toBe(before);
}

describe("@infer/task-text-generation", () => {
  describe("textGeneration parameters", () => {
    it("rejects bestOf ≤ 0 or not an integer", async () => {
      await expectRejected({ bestOf: 0 }, "options.bestOf");
      await expectRejected({ bestOf: 1.5, doSample: true }, "options.bestOf");
    });

    it("rejects bestOf > 1 without doSample, with seed or with stream", async () => {
      await expectRejected({ bestOf: 2 }, "options.bestOf");
      await expectRejected({ bestOf: 2, doSample: false }, "options.bestOf");
      await expectRejected({ bestOf: 2, doSample: true, seed: 1 }, "options.bestOf");
      await expectRejected({ bestOf: 2, doSample: true, stream: true }, "options.bestOf");
    });

    it("accepts bestOf: 1 alone and bestOf > 1 with sampling", async () => {
      await textGeneration(client(), "x", { model: "m", bestOf: 1 });
      await textGeneration(client(), "x", { model: "m", bestOf: 3, doSample: true });
      expect(server.last().json()).toEqual({ inputs: "x", parameters: { best_of: 3, do_sample: true } });
    });

    it("sends stopSequences (huggingface_hub's older name) as TGI's stop, after stop's own", async () => {
      await textGeneration(client(), "x", { model: "m", stopSequences: ["\n", "END"] });
      expect(server.last().json()).toEqual({ inputs: "x", parameters: { stop: ["\n", "END"] } });
      await textGeneration(client(), "x", { model: "m", stop: ["."], stopSequences: ["!"] });
      expect(server.last().json()).toEqual({ inputs: "x", parameters: { stop: [".", "!"] } });
    });

    it("rejects stopSequences that are not an array of strings, before sending", async () => {
      await expectRejected({ stopSequences: "\n" as unknown as string[] }, "options.stopSequences");
      await expectRejected({ stopSequences: [1] as unknown as string[] }, "options.stopSequences");
    });

    it("rejects temperature, topK, truncate and repetitionPenalty ≤ 0", async () => {
      await expectRejected({ temperature: 0 }, "options.temperature");
      await expectRejected({ temperature: -1 }, "options.temperature");
      await expectRejected({ topK: 0 }, "options.topK");
      await expectRejected({ topK: 2.5 }, "options.topK");
      await expectRejected({ truncate: 0 }, "options.truncate");
      await expectRejected({ repetitionPenalty: 0 }, "options.repetitionPenalty");
    });

    it("rejects topP and typicalP outside (0, 1)", async () => {
      for (const value of [0, 1, -0.1, 1.5, Number.NaN]) {
        await expectRejected({ topP: value }, "options.topP");
        await expectRejected({ typicalP: value }, "options.typicalP");
      }
    });

    it("accepts values just inside the bounds", async () => {
      await textGeneration(client(), "x", {
        model: "m",
        topP: 0.999,
        typicalP: 0.001,
        temperature: 0.01,
        topK: 1,
        truncate: 1,
      });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: { top_p: 0.999, typical_p: 0.001, temperature: 0.01, top_k: 1, truncate: 1 },
      });
    });

    it("rejects decoderInputDetails without details, and with stream", async () => {
      await expectRejected({ decoderInputDetails: true }, "options.decoderInputDetails");
      await expectRejected({ decoderInputDetails: true, details: false }, "options.decoderInputDetails");
      await expectRejected({ decoderInputDetails: true, details: true, stream: true }, "options.decoderInputDetails");
    });

    it("rejects maxNewTokens and seed that are not integers in range", async () => {
      await expectRejected({ maxNewTokens: 0 }, "options.maxNewTokens");
      await expectRejected({ maxNewTokens: 1.5 }, "options.maxNewTokens");
      await expectRejected({ seed: -1 }, "options.seed");
    });

    it("rejects values of the wrong type", async () => {
      await expectRejected({ stop: "\n" as unknown as string[] }, "options.stop");
      await expectRejected({ doSample: "yes" as unknown as boolean }, "options.doSample");
      await expectRejected({ stream: 1 as unknown as boolean }, "options.stream");
      await expectRejected({ temperature: "0.5" as unknown as number }, "options.temperature");
    });

    it("names the first bad option in a fixed order: booleans, then numbers, then stop, then conflicts", async () => {
      await expectRejected(
        { stream: 1 as unknown as boolean, doSample: "yes" as unknown as boolean },
        "options.doSample",
      );
      await expectRejected({ temperature: 0, stream: 1 as unknown as boolean }, "options.stream");
      await expectRejected({ bestOf: 0, maxNewTokens: 0 }, "options.maxNewTokens");
      await expectRejected({ stop: "\n" as unknown as string[], bestOf: 0 }, "options.bestOf");
      await expectRejected({ bestOf: 2, stop: "\n" as unknown as string[] }, "options.stop");
      await expectRejected({ bestOf: 2, decoderInputDetails: true }, "options.bestOf");
    });

    it("explains the rejected value in the message", async () => {
      const error = await textGeneration(client(), "x", { model: "m", topK: 2.5 }).catch((caught: unknown) => caught);
      expect((error as InferenceInputError).message).toBe(
        "Invalid argument `options.topK`: expected an integer > 0, got 2.5",
      );
      const conflict = await textGeneration(client(), "x", { model: "m", bestOf: 2, doSample: true, seed: 1 }).catch(
        (caught: unknown) => caught,
      );
      expect((conflict as InferenceInputError).message).toBe(
        "Invalid argument `options.bestOf`: a value above 1 cannot be combined with `seed`",
      );
      const flag = await textGeneration(client(), "x", { model: "m", details: "yes" as unknown as boolean }).catch(
        (caught: unknown) => caught,
      );
      expect((flag as InferenceInputError).message).toBe(
        "Invalid argument `options.details`: expected a boolean, got string",
      );
    });

    it("sends adapterId, frequencyPenalty, grammar and topNTokens snake_case, the grammar as given", async () => {
      const schema = { type: "object", properties: { name: { type: "string" } }, required: ["name"] };
      await textGeneration(client(), "x", {
        model: "m",
        adapterId: "predibase/customer_support",
        frequencyPenalty: -2,
        grammar: { type: "json", value: schema },
        topNTokens: 0,
      });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: {
          adapter_id: "predibase/customer_support",
          frequency_penalty: -2,
          grammar: { type: "json", value: schema },
          top_n_tokens: 0,
        },
      });
      await textGeneration(client(), "x", {
        model: "m",
        frequencyPenalty: 2,
        grammar: { type: "regex", value: "\\d+" },
      });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: { frequency_penalty: 2, grammar: { type: "regex", value: "\\d+" } },
      });
      await textGeneration(client(), "x", {
        model: "m",
        grammar: { type: "json", value: '{"type":"string"}' },
        topNTokens: 5,
      });
      expect(server.last().json()).toEqual({
        inputs: "x",
        parameters: { grammar: { type: "json", value: '{"type":"string"}' }, top_n_tokens: 5 },
      });
    });

    it("rejects an adapterId that is not a string, naming options.adapterId, before any request", async () => {
      for (const adapterId of [1, null, ["a"]]) {
        await server.expectInputError(
          () => textGeneration(client(), "x", { model: "m", adapterId: adapterId as unknown as string }),
          "options.adapterId",
        );
      }
    });

    it("rejects a frequencyPenalty outside [-2, 2], naming options.frequencyPenalty, before any request", async () => {
      for (const frequencyPenalty of [-2.01, 2.5, Number.NaN, "1"]) {
        await server.expectInputError(
          () => textGeneration(client(), "x", { model: "m", frequencyPenalty: frequencyPenalty as number }),
          "options.frequencyPenalty",
        );
      }
    });

    it("rejects a grammar that is not {type: json | regex, value}, naming options.grammar, before any request", async () => {
      for (const grammar of [
        "\\d+",
        null,
        { type: "xml", value: "<a/>" },
        { value: "\\d+" },
        { type: "regex" },
        { type: "regex", value: { pattern: "\\d+" } },
        { type: "json", value: 1 },
        { type: "json", value: ["a"] },
      ]) {
        await server.expectInputError(
          () => textGeneration(client(), "x", { model: "m", grammar: grammar as TextGenerationGrammar }),
          "options.grammar",
        );
      }
    });

    it("rejects a topNTokens that is not an integer ≥ 0, naming options.topNTokens, before any request", async () => {
      for (const topNTokens of [-1, 1.5, "2"]) {
        await server.expectInputError(
          () => textGeneration(client(), "x", { model: "m", topNTokens: topNTokens as number }),
          "options.topNTokens",
        );
      }
    });

    it("rejects options that are not an object", async () => {
      const before = server.requests.length;
      await expect(textGeneration(client(), "x", "gpt2" as unknown as TextGenerationOptions)).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options",
      );
      expect(server.requests.length).toBe(before);
    });
  });
});
