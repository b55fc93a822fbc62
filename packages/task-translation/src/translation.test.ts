import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { translation } from "./index.js";

const recorded = tapeJson("t5-base", '"My name is Wolfgang and I live in Berlin","options"');
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-translation", () => {
  describe("translation", () => {
    it("sends {inputs} as JSON to /models/{model} and unwraps [0].translation_text of the recorded answer", async () => {
      const text = await translation(client(), "My name is Wolfgang and I live in Berlin", { model: "t5-base" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/t5-base");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: "My name is Wolfgang and I live in Berlin" });
      expect(text).toBe("Mein Name ist Wolfgang und ich lebe in Berlin");
    });

    it("sends srcLang and tgtLang as parameters {src_lang, tgt_lang}", async () => {
      server.answerNext({ json: [{ translation_text: "Je m'appelle Wolfgang" }] });
      const text = await translation(client(), "My name is Wolfgang", {
        model: "facebook/mbart-large-50-many-to-many-mmt",
        srcLang: "en_XX",
        tgtLang: "fr_XX",
      });
      expect(server.last().json()).toEqual({
        inputs: "My name is Wolfgang",
        parameters: { src_lang: "en_XX", tgt_lang: "fr_XX" },
      });
      expect(text).toBe("Je m'appelle Wolfgang");
    });

    it("sends huggingface_hub's cleanUpTokenizationSpaces, truncation and generateParameters in snake_case", async () => {
      server.answerNext({ json: [{ translation_text: "Je m'appelle Wolfgang" }] });
      await translation(client(), "My name is Wolfgang", {
        model: "m",
        srcLang: "en_XX",
        tgtLang: "fr_XX",
        cleanUpTokenizationSpaces: false,
        truncation: "longest_first",
        generateParameters: { max_new_tokens: 40 },
      });
      expect(server.last().json()).toEqual({
        inputs: "My name is Wolfgang",
        parameters: {
          src_lang: "en_XX",
          tgt_lang: "fr_XX",
          clean_up_tokenization_spaces: false,
          truncation: "longest_first",
          generate_parameters: { max_new_tokens: 40 },
        },
      });
    });

    it("rejects a bad cleanUpTokenizationSpaces, truncation or generateParameters before any request", async () => {
      await server.expectInputError(
        () => translation(client(), "x", { model: "m", cleanUpTokenizationSpaces: 1 as never }),
        "options.cleanUpTokenizationSpaces",
      );
      await server.expectInputError(
        () => translation(client(), "x", { model: "m", truncation: "all" as never }),
        "options.truncation",
      );
      await server.expectInputError(
        () => translation(client(), "x", { model: "m", generateParameters: "fast" as never }),
        "options.generateParameters",
      );
    });

    it("rejects one language without the other before any request, naming the missing one", async () => {
      const before = server.requests.length;
      await expect(translation(client(), "x", { model: "m", srcLang: "en_XX" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.tgtLang",
      );
      await expect(translation(client(), "x", { model: "m", tgtLang: "fr_XX" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.srcLang",
      );
      await expect(translation(client(), "x", { model: "m", srcLang: "", tgtLang: "fr_XX" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.srcLang",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(translation(client(), ["a", "b"] as unknown as string, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ summary_text: "no" }] });
      const error = await translation(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ summary_text: "no" }]);
    });

    it("is a method after client.with(translation)", async () => {
      const text = await client()
        .with(translation)
        .translation("My name is Wolfgang and I live in Berlin", { model: "t5-base" });
      expect(text).toBe("Mein Name ist Wolfgang und ich lebe in Berlin");
      expect(translation.taskName).toBe("translation");
      expect(translation.methodName).toBe("translation");
    });
  });
});
