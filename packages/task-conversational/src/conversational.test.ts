import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { conversational } from "./index.js";

const recorded = tapeJson("/models/microsoft/DialoGPT-large");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-conversational", () => {
  describe("conversational", () => {
    it("sends {inputs: {text, generated_responses, past_user_inputs}} to /models/{model} and returns the recorded answer as is", async () => {
      const reply = await conversational(client(), "Can you explain why ?", {
        model: "microsoft/DialoGPT-large",
        pastUserInputs: ["Which movie is the best ?"],
        generatedResponses: ["It is Die Hard for sure."],
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/microsoft/DialoGPT-large");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({
        inputs: {
          text: "Can you explain why ?",
          generated_responses: ["It is Die Hard for sure."],
          past_user_inputs: ["Which movie is the best ?"],
        },
      });
      expect(reply).toEqual(recorded.body);
      expect(reply.generated_text).toBe("It's the best movie ever.");
      expect(reply.conversation.past_user_inputs).toEqual(["Which movie is the best ?", "Can you explain why ?"]);
    });

    it("sends only the text on a first turn, and the parameters as they are", async () => {
      await conversational(client(), "Hello", { model: "m" });
      expect(server.last().json()).toEqual({ inputs: { text: "Hello" } });
      await conversational(client(), "Hello", { model: "m", parameters: { max_length: 50, temperature: 0.5 } });
      expect(server.last().json()).toEqual({
        inputs: { text: "Hello" },
        parameters: { max_length: 50, temperature: 0.5 },
      });
    });

    it("is a method after client.with(conversational)", async () => {
      const reply = await client().with(conversational).conversational("Can you explain why ?", { model: "m" });
      expect(reply.warnings).toEqual((recorded.body as { warnings: string[] }).warnings);
      expect(conversational.taskName).toBe("conversational");
      expect(conversational.methodName).toBe("conversational");
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(conversational(client(), { text: "hi" } as unknown as string, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a history that is not a list of strings, or parameters that are not an object, naming the option", async () => {
      const before = server.requests.length;
      const cases: [Record<string, unknown>, string][] = [
        [{ pastUserInputs: "Which movie is the best ?" }, "options.pastUserInputs"],
        [{ generatedResponses: [1] }, "options.generatedResponses"],
        [{ parameters: "max_length=5" }, "options.parameters"],
      ];
      for (const [options, argument] of cases) {
        await expect(conversational(client(), "hi", { model: "m", ...options })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument,
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ generated_text: "hi" }] });
      const error = await conversational(client(), "hello", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "hi" }]);
    });
  });
});
