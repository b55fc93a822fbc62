import { createClient } from "@infer/core";
import { fixtureBytes, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { documentQuestionAnswering, type DocumentQuestionAnsweringParameters } from "./index.js";

const model = "impira/layoutlm-document-qa";
const recorded: unknown = tapeJson(model).body;
const invoice = fixtureBytes("invoice.png");
const question = "Invoice number?";
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-document-question-answering", () => {
  describe("documentQuestionAnswering parameters", () => {
    it.each<[keyof DocumentQuestionAnsweringParameters, string, unknown]>([
      ["docStride", "doc_stride", 64],
      ["handleImpossibleAnswer", "handle_impossible_answer", true],
      ["lang", "lang", "fra"],
      ["maxAnswerLen", "max_answer_len", 10],
      ["maxQuestionLen", "max_question_len", 32],
      ["maxSeqLen", "max_seq_len", 256],
      ["topK", "top_k", 3],
    ])("sends %s as %s under parameters, beside question and image", async (name, wireName, value) => {
      const answers = await documentQuestionAnswering(client(), new Uint8Array(invoice), question, {
        model,
        [name]: value,
      });
      const request = server.last();
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        question,
        image: invoice.toString("base64"),
        parameters: { [wireName]: value },
      });
      expect(answers).toEqual(recorded);
    });

    it("sends several parameters together, snake_case", async () => {
      await documentQuestionAnswering(client(), new Uint8Array(invoice), question, {
        model,
        docStride: 0,
        handleImpossibleAnswer: false,
        topK: 1,
      });
      expect(server.last().json()).toEqual({
        question,
        image: invoice.toString("base64"),
        parameters: { doc_stride: 0, handle_impossible_answer: false, top_k: 1 },
      });
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await documentQuestionAnswering(client(), new Uint8Array(invoice), question, { model, topK: undefined });
      expect(server.last().json()).toEqual({ question, image: invoice.toString("base64") });
    });

    it.each<[keyof DocumentQuestionAnsweringParameters, unknown[]]>([
      ["docStride", [-1, 1.5, "64", Number.NaN]],
      ["handleImpossibleAnswer", ["true", 1, null]],
      ["lang", [42, ["eng"], null]],
      ["maxAnswerLen", [0, 2.5, "10"]],
      ["maxQuestionLen", [0, -3, Number.POSITIVE_INFINITY]],
      ["maxSeqLen", [0, 1.5, "256"]],
      ["topK", [0, -1, 1.5, "3"]],
    ])("rejects a bad %s, naming it under options, before any request", async (name, values) => {
      for (const value of values) {
        await server.expectInputError(
          () => documentQuestionAnswering(client(), new Uint8Array(invoice), question, { model, [name]: value }),
          `options.${name}`,
        );
      }
    });

    it("rejects a bad parameter before downloading an image given as a URL", async () => {
      await server.expectInputError(
        () => documentQuestionAnswering(client(), new URL("/invoice.png", server.url), question, { model, topK: 0 }),
        "options.topK",
      );
    });
  });
});
