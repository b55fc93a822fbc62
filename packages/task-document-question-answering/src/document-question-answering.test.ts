import { dirname } from "node:path";
import { createClient, InferenceInputError, InferenceOutputError, type BinaryInput } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { documentQuestionAnswering } from "./index.js";

const layoutlm = tapeJson("impira/layoutlm-document-qa");
const donut = tapeJson("naver-clova-ix/donut-base-finetuned-docvqa");
const invoice = fixtureBytes("invoice.png");
const question = "Invoice number?";
const server = useTaskServer({ json: layoutlm.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-document-question-answering", () => {
  describe("documentQuestionAnswering", () => {
    it("sends {question, image: base64} to /models/{model} and returns the recorded LayoutLM answer as is", async () => {
      const answers = await documentQuestionAnswering(client(), new Uint8Array(invoice), question, {
        model: "impira/layoutlm-document-qa",
      });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/impira/layoutlm-document-qa");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ question, image: invoice.toString("base64") });
      expect(answers).toEqual(layoutlm.body);
      expect(answers[0]).toMatchObject({ answer: "us-001", start: 16, end: 16 });
    });

    it("returns the recorded Donut answer, which has no score, start or end", async () => {
      server.answerNext({ json: donut.body });
      const answers = await documentQuestionAnswering(client(), new Uint8Array(invoice), question, {
        model: "naver-clova-ix/donut-base-finetuned-docvqa",
      });
      expect(server.last().url).toBe("/models/naver-clova-ix/donut-base-finetuned-docvqa");
      expect(answers).toEqual([{ answer: "us-001" }]);
    });

    it("wraps a single answer object in a list", async () => {
      server.answerNext({ json: { answer: "us-001", score: 0.6, start: 16, end: 16 } });
      const answers = await documentQuestionAnswering(client(), new Uint8Array(invoice), question, { model: "m" });
      expect(answers).toEqual([{ answer: "us-001", score: 0.6, start: 16, end: 16 }]);
    });

    it.each<[string, () => BinaryInput]>([
      ["a path", () => fixturePath("invoice.png")],
      ["a Blob", () => new Blob([new Uint8Array(invoice)], { type: "image/png" })],
      ["a stream", () => new Blob([new Uint8Array(invoice)]).stream()],
    ])("sends the exact base64 of the image given as %s", async (_kind, input) => {
      await documentQuestionAnswering(client(), input(), question, { model: "m" });
      expect(server.last().json()).toEqual({ question, image: invoice.toString("base64") });
    });

    it("is a method after client.with(documentQuestionAnswering)", async () => {
      const answers = await client()
        .with(documentQuestionAnswering)
        .documentQuestionAnswering(new Uint8Array(invoice), question, { model: "m" });
      expect(answers[0]?.answer).toBe("us-001");
      expect(documentQuestionAnswering.taskName).toBe("document-question-answering");
      expect(documentQuestionAnswering.methodName).toBe("documentQuestionAnswering");
    });

    it.each([
      ["question", "a question that is not a string", 42, new Uint8Array(invoice)],
      ["question", "an empty question", "", new Uint8Array(invoice)],
      ["image", "a missing file", question, `${fixturePath("invoice.png")}.missing`],
      ["image", "a directory", question, dirname(fixturePath("invoice.png"))],
      ["image", "an unsupported image value", question, { pages: 1 }],
    ])("rejects %s: %s, before any request", async (argument, _kind, badQuestion, image) => {
      const before = server.requests.length;
      await expect(
        documentQuestionAnswering(client(), image as BinaryInput, badQuestion as string, { model: "m" }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
      expect(server.requests.length).toBe(before);
    });

    it.each([
      ["no answer field", [{ score: 0.6 }]],
      ["a score that is not a number", [{ answer: "us-001", score: "high" }]],
      ["a string", "us-001"],
    ])("rejects an answer with %s as InferenceOutputError carrying the body", async (_kind, body) => {
      server.answerNext({ json: body });
      const error = await documentQuestionAnswering(client(), new Uint8Array(invoice), question, { model: "m" }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(body);
    });
  });
});
