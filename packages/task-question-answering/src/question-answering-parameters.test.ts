import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { questionAnswering } from "./index.js";

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
  });
});
