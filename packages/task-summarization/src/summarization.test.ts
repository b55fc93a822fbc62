import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { summarization } from "./index.js";

const recorded = tapeJson("/models/facebook/bart-large-cnn");
const text = (JSON.parse(recorded.tape.init.body!) as { inputs: string }).inputs;
const summary = (recorded.body as { summary_text: string }[])[0]!.summary_text;
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-summarization", () => {
  describe("summarization", () => {
    it("sends {inputs} as JSON to /models/{model}, without parameters when none is given, and unwraps [0].summary_text", async () => {
      const result = await summarization(client(), text, { model: "facebook/bart-large-cnn" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/facebook/bart-large-cnn");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: text });
      expect(result).toBe(summary);
      expect(result.startsWith("The tower is 324 metres")).toBe(true);
    });

    it("passes the parameters through as they are", async () => {
      await summarization(client(), text, {
        model: "m",
        parameters: { max_length: 100, min_length: 10, do_sample: false },
      });
      expect(server.last().json()).toEqual({
        inputs: text,
        parameters: { max_length: 100, min_length: 10, do_sample: false },
      });
    });

    it("sends huggingface_hub's cleanUpTokenizationSpaces, truncation and generateParameters in snake_case", async () => {
      await summarization(client(), text, {
        model: "m",
        cleanUpTokenizationSpaces: true,
        truncation: "only_first",
        generateParameters: { max_length: 60, num_beams: 4 },
        parameters: { min_length: 10 },
      });
      expect(server.last().json()).toEqual({
        inputs: text,
        parameters: {
          min_length: 10,
          clean_up_tokenization_spaces: true,
          truncation: "only_first",
          generate_parameters: { max_length: 60, num_beams: 4 },
        },
      });
    });

    it("rejects a bad cleanUpTokenizationSpaces, truncation or generateParameters before any request", async () => {
      await server.expectInputError(
        () => summarization(client(), text, { model: "m", cleanUpTokenizationSpaces: "yes" as never }),
        "options.cleanUpTokenizationSpaces",
      );
      await server.expectInputError(
        () => summarization(client(), text, { model: "m", truncation: "middle" as never }),
        "options.truncation",
      );
      await server.expectInputError(
        () => summarization(client(), text, { model: "m", generateParameters: [1] as never }),
        "options.generateParameters",
      );
    });

    it("is a method after client.with(summarization)", async () => {
      server.answerNext({ json: [{ summary_text: "Short." }] });
      const result = await client().with(summarization).summarization(text, { model: "m" });
      expect(result).toBe("Short.");
      expect(summarization.taskName).toBe("summarization");
      expect(summarization.methodName).toBe("summarization");
    });

    it("rejects a non-string text before any request", async () => {
      const before = server.requests.length;
      await expect(summarization(client(), null as unknown as string, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "text",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects parameters that are not an object before any request", async () => {
      const before = server.requests.length;
      await expect(
        summarization(client(), text, { model: "m", parameters: [100] as unknown as Record<string, unknown> }),
      ).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.parameters",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ generated_text: "not a summary" }] });
      const error = await summarization(client(), text, { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "not a summary" }]);
    });
  });
});
