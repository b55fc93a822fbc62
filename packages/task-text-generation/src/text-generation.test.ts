import {
  createClient,
  InferenceHTTPError,
  InferenceInputError,
  InferenceOutputError,
  OverloadedError,
  ValidationError,
} from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textGeneration } from "./index.js";

const flan = tapeJson("google/flan-t5-xxl", "The answer to the universe is");
const gpt2 = tapeJson("models/gpt2");
const server = useTaskServer({ json: flan.body });

const client = () => createClient(server.clientOptions());

const details = {
  finish_reason: "length",
  generated_tokens: 2,
  seed: null,
  prefill: [{ id: 0, text: "<pad>", logprob: null }],
  tokens: [
    { id: 9, text: " a", logprob: -0.5, special: false },
    { id: 10, text: " b", logprob: -0.25, special: false },
  ],
  input_length: 1,
};

describe("@infer/task-text-generation", () => {
  describe("textGeneration", () => {
    it("sends {inputs} as JSON to /models/{model} and returns the recorded generated_text", async () => {
      const text = await textGeneration(client(), "The answer to the universe is", { model: "google/flan-t5-xxl" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/google/flan-t5-xxl");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["accept"]).not.toBe("text/event-stream");
      expect(request.json()).toEqual({ inputs: "The answer to the universe is" });
      expect(text).toBe("a");
    });

    it("returns gpt2's recorded continuation as a string", async () => {
      server.answerNext({ json: gpt2.body });
      const text = await textGeneration(client(), "The answer to the universe is", { model: "gpt2" });
      expect(text).toBe((gpt2.body as { generated_text: string }[])[0]?.generated_text);
      expect(text.startsWith("The answer to the universe is")).toBe(true);
    });

    it("sends every TGI parameter in snake_case under parameters", async () => {
      server.answerNext({ json: [{ generated_text: "x" }] });
      await textGeneration(client(), "Hi", {
        model: "m",
        doSample: true,
        maxNewTokens: 20,
        repetitionPenalty: 1.2,
        returnFullText: false,
        stop: ["\n"],
        temperature: 0.7,
        topK: 50,
        topP: 0.9,
        truncate: 100,
        typicalP: 0.5,
        bestOf: 2,
        watermark: true,
        details: true,
        decoderInputDetails: true,
      });
      expect(server.last().json()).toEqual({
        inputs: "Hi",
        parameters: {
          do_sample: true,
          max_new_tokens: 20,
          repetition_penalty: 1.2,
          return_full_text: false,
          stop: ["\n"],
          temperature: 0.7,
          top_k: 50,
          top_p: 0.9,
          truncate: 100,
          typical_p: 0.5,
          best_of: 2,
          watermark: true,
          details: true,
          decoder_input_details: true,
        },
      });
    });

    it("sends the parameters in alphabetical order, stream last", async () => {
      server.answerNext({ json: [{ generated_text: "x" }] });
      await textGeneration(client(), "Hi", {
        model: "m",
        watermark: true,
        temperature: 0.5,
        bestOf: 1,
        doSample: false,
        topK: 3,
      });
      expect(server.last().body.toString("utf8")).toBe(
        '{"inputs":"Hi","parameters":{"best_of":1,"do_sample":false,"temperature":0.5,"top_k":3,"watermark":true}}',
      );
    });

    it("sends no parameters object when none is set, and no unknown option", async () => {
      server.answerNext({ json: [{ generated_text: "x" }] });
      await textGeneration(client(), "Hi", { model: "m", unknownOption: 1 } as never);
      expect(server.last().body.toString("utf8")).toBe('{"inputs":"Hi"}');
    });

    it("sends only the parameters that are set, and seed", async () => {
      server.answerNext({ json: [{ generated_text: "x" }] });
      await textGeneration(client(), "Hi", { model: "m", maxNewTokens: 5, seed: 42 });
      expect(server.last().json()).toEqual({ inputs: "Hi", parameters: { max_new_tokens: 5, seed: 42 } });
    });

    it("returns the whole typed answer with details: true, unknown fields untouched", async () => {
      server.answerNext({ json: [{ generated_text: " a b", details }] });
      const output = await textGeneration(client(), "x", { model: "m", details: true });
      expect(output.generated_text).toBe(" a b");
      expect(output.details?.finish_reason).toBe("length");
      expect(output.details?.tokens.map((token) => token.text)).toEqual([" a", " b"]);
      expect(output.details).toEqual(details);
    });

    it("reads the object TGI's /generate route answers", async () => {
      server.answerNext({ json: { generated_text: "object" } });
      const text = await textGeneration(client(), "x", { model: `${server.url}/generate` });
      expect(server.last().url).toBe("/generate");
      expect(text).toBe("object");
    });

    it("uses the client's model, and a model URL as is", async () => {
      const answer = { json: [{ generated_text: "x" }] };
      server.answerNext(answer, answer);
      await textGeneration(createClient({ endpoint: server.url, token: false, model: "bigcode/starcoder" }), "x");
      expect(server.last().url).toBe("/models/bigcode/starcoder");
      expect(server.last().headers["authorization"]).toBeUndefined();
      await textGeneration(client(), "x", { model: `${server.url}/tgi/` });
      expect(server.last().url).toBe("/tgi/");
    });

    it("turns an error answer with error_type into the typed TGI error, the HTTP error as cause", async () => {
      const body = {
        error: "Input validation error: `inputs` must have less than 1000 tokens",
        error_type: "validation",
      };
      server.answerNext({ json: body, status: 422 });
      const error = await textGeneration(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).message).toBe(body.error);
      expect((error as ValidationError).errorType).toBe("validation");
      expect((error as ValidationError).body).toEqual(body);
      const cause = (error as Error).cause;
      expect(InferenceHTTPError.isInstance(cause)).toBe(true);
      expect((cause as InferenceHTTPError).status).toBe(422);
    });

    it("types an overloaded answer as OverloadedError", async () => {
      server.answerNext({ json: { error: "Model is overloaded", error_type: "overloaded" }, status: 429 });
      await expect(textGeneration(client(), "x", { model: "m" })).rejects.toSatisfy((error: unknown) =>
        OverloadedError.isInstance(error),
      );
    });

    it("leaves an error answer without error_type as InferenceHTTPError", async () => {
      server.answerNext({ json: { error: "Internal failure" }, status: 500 });
      const error = await textGeneration(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error)).toBe(true);
      expect((error as InferenceHTTPError).status).toBe(500);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ summary_text: "no" }] });
      const error = await textGeneration(client(), "x", { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ summary_text: "no" }]);
    });

    it("rejects a prompt that is not a non-empty string before any request", async () => {
      const before = server.requests.length;
      for (const prompt of [42, "", undefined]) {
        await expect(textGeneration(client(), prompt as unknown as string, { model: "m" })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "prompt",
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("is a method after client.with(textGeneration)", async () => {
      const text = await client()
        .with(textGeneration)
        .textGeneration("The answer to the universe is", { model: "google/flan-t5-xxl" });
      expect(text).toBe("a");
      expect(textGeneration.taskName).toBe("text-generation");
      expect(textGeneration.methodName).toBe("textGeneration");
    });
  });
});
