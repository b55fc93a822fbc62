import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient, InferenceInputError, InferenceOutputError, type BinaryInput } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { visualQuestionAnswering } from "./index.js";

const model = "dandelin/vilt-b32-finetuned-vqa";
const recorded = tapeJson(model);
const cheetah = fixtureBytes("cheetah.png");
const question = "How many cats are lying down?";
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-visual-question-answering", () => {
  describe("visualQuestionAnswering", () => {
    it("sends {question, image: base64} to /models/{model} and returns the recorded answer as is", async () => {
      const answers = await visualQuestionAnswering(client(), new Uint8Array(cheetah), question, { model });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ question, image: cheetah.toString("base64") });
      expect(answers).toEqual(recorded.body);
      expect(answers).toHaveLength(5);
      expect(answers[0]?.answer).toBe("2");
    });

    it.each<[string, () => BinaryInput]>([
      ["a path", () => fixturePath("cheetah.png")],
      ["a file URL", () => pathToFileURL(fixturePath("cheetah.png"))],
      ["a Blob", () => new Blob([new Uint8Array(cheetah)], { type: "image/png" })],
    ])("sends the exact base64 of the image given as %s", async (_kind, input) => {
      await visualQuestionAnswering(client(), input(), question, { model });
      expect(server.last().json()).toEqual({ question, image: cheetah.toString("base64") });
    });

    it("is a method after client.with(visualQuestionAnswering)", async () => {
      const answers = await client()
        .with(visualQuestionAnswering)
        .visualQuestionAnswering(new Uint8Array(cheetah), question, { model });
      expect(answers[0]?.score).toBeCloseTo(0.5167, 4);
      expect(visualQuestionAnswering.taskName).toBe("visual-question-answering");
      expect(visualQuestionAnswering.methodName).toBe("visualQuestionAnswering");
    });

    it.each([
      ["question", "a question that is not a string", undefined, new Uint8Array(cheetah)],
      ["question", "an empty question", "", new Uint8Array(cheetah)],
      ["image", "a missing file", question, `${fixturePath("cheetah.png")}.missing`],
      ["image", "a directory", question, dirname(fixturePath("cheetah.png"))],
      ["image", "an unsupported image value", question, null],
    ])("rejects %s: %s, before any request", async (argument, _kind, badQuestion, image) => {
      const before = server.requests.length;
      await expect(
        visualQuestionAnswering(client(), image as BinaryInput, badQuestion as string, { model }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
      expect(server.requests.length).toBe(before);
    });

    it.each([
      ["a single object", { answer: "2", score: 0.5 }],
      ["no score", [{ answer: "2" }]],
      ["an answer that is not a string", [{ answer: 2, score: 0.5 }]],
    ])("rejects an answer of another shape (%s) with InferenceOutputError carrying the body", async (_kind, body) => {
      server.answerNext({ json: body });
      const error = await visualQuestionAnswering(client(), new Uint8Array(cheetah), question, { model }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(body);
    });
  });
});
