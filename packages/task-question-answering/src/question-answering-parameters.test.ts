import { createClient, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, expectTypeOf, it } from "vitest";
import { questionAnswering, type QuestionAnsweringOptions, type QuestionAnsweringOutput } from "./index.js";

const recorded: unknown = tapeJson("/models/deepset/roberta-base-squad2").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-question-answering", () => {
  describe("questionAnswering parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await questionAnswering(client(), "What is my name?", "My name is Clara.", {
        model: "deepset/roberta-base-squad2",
        ...{ handleImpossibleAnswer: true, maxAnswerLen: 10, docStride: 64, alignToWords: false },
      });
      const request = server.last();
      expect(request.url).toBe("/models/deepset/roberta-base-squad2");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        question: "What is my name?",
        context: "My name is Clara.",
        parameters: { handle_impossible_answer: true, max_answer_len: 10, doc_stride: 64, align_to_words: false },
      });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await questionAnswering(client(), "What is my name?", "My name is Clara.", {
        model: "deepset/roberta-base-squad2",
        maxSeqLen: undefined,
      });
      expect(server.last().json()).toEqual({ question: "What is my name?", context: "My name is Clara." });
    });

    it("rejects a bad maxSeqLen naming options.maxSeqLen, before any request", async () => {
      await server.expectInputError(
        () =>
          questionAnswering(client(), "What is my name?", "My name is Clara.", {
            model: "deepset/roberta-base-squad2",
            ...{ maxSeqLen: 0 },
          }),
        "options.maxSeqLen",
      );
    });

    it("rejects a non-boolean handleImpossibleAnswer naming options.handleImpossibleAnswer, before any request", async () => {
      for (const handleImpossibleAnswer of ["true", 1, null]) {
        await server.expectInputError(
          () =>
            questionAnswering(client(), "What is my name?", "My name is Clara.", {
              model: "deepset/roberta-base-squad2",
              ...{ handleImpossibleAnswer: handleImpossibleAnswer as unknown as boolean },
            }),
          "options.handleImpossibleAnswer",
        );
      }
    });

    it("sends topK as top_k and resolves to the list of answers the server gives", async () => {
      const second = { answer: "Clara", score: 0.01, start: 11, end: 16 };
      server.answerNext({ json: [recorded, second] });
      const answers = await questionAnswering(client(), "What is my name?", "My name is Clara.", {
        model: "deepset/roberta-base-squad2",
        topK: 2,
      });
      expect(server.last().json()).toEqual({
        question: "What is my name?",
        context: "My name is Clara.",
        parameters: { top_k: 2 },
      });
      expect(answers).toEqual([recorded, second]);
      expectTypeOf(answers).toEqualTypeOf<QuestionAnsweringOutput[]>();
    });

    it("wraps in a list the single answer a server gives with topK", async () => {
      const answers = await client()
        .with(questionAnswering)
        .questionAnswering("What is my name?", "My name is Clara.", { model: "deepset/roberta-base-squad2", topK: 1 });
      expect(server.last().json()).toMatchObject({ parameters: { top_k: 1 } });
      expect(answers).toEqual([recorded]);
      expectTypeOf(answers).toEqualTypeOf<QuestionAnsweringOutput[]>();
    });

    it("resolves to one answer without topK, to either shape when topK is only known as a number or undefined", async () => {
      const one = await questionAnswering(client(), "What is my name?", "My name is Clara.", { model: "m" });
      expect(one).toEqual(recorded);
      expectTypeOf(one).toEqualTypeOf<QuestionAnsweringOutput>();
      const options: QuestionAnsweringOptions = { model: "m" };
      // A type check only: the call is never made.
      const call = () => questionAnswering(client(), "q", "c", options);
      expectTypeOf(call).returns.resolves.toEqualTypeOf<QuestionAnsweringOutput | QuestionAnsweringOutput[]>();
    });

    it("rejects a list without topK, and a list of another shape with topK, as InferenceOutputError", async () => {
      for (const [topK, body] of [
        [undefined, [recorded]],
        [3, [{ answer: "Clara" }]],
      ] as const) {
        server.answerNext({ json: body });
        const error = await questionAnswering(client(), "What is my name?", "My name is Clara.", {
          model: "m",
          topK,
        }).catch((caught: unknown) => caught);
        expect(InferenceOutputError.isInstance(error), String(topK)).toBe(true);
        expect((error as InferenceOutputError).body).toEqual(body);
      }
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      for (const topK of [0, -1, 1.5, "3", Number.NaN, null]) {
        await server.expectInputError(
          () =>
            questionAnswering(client(), "What is my name?", "My name is Clara.", {
              model: "deepset/roberta-base-squad2",
              ...{ topK: topK as number },
            }),
          "options.topK",
        );
      }
    });
  });
});
