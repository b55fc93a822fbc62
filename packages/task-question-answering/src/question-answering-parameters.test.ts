import { createClient, InferenceInputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionAnswering } from "./index.js";

const recorded: unknown = tapeJson("/models/deepset/roberta-base-squad2").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-question-answering", () => {
  describe("questionAnswering parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await questionAnswering(client(), "What is my name?", "My name is Clara.", { model: "deepset/roberta-base-squad2", ...{ handleImpossibleAnswer: true, maxAnswerLen: 10, docStride: 64, alignToWords: false } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/deepset/roberta-base-squad2");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ question: "What is my name?", context: "My name is Clara.", parameters: { handle_impossible_answer: true, max_answer_len: 10, doc_stride: 64, align_to_words: false } });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await questionAnswering(client(), "What is my name?", "My name is Clara.", { model: "deepset/roberta-base-squad2", maxSeqLen: undefined });
      expect(server.requests.at(-1)!.json()).toEqual({ question: "What is my name?", context: "My name is Clara." });
    });

    it("rejects a bad maxSeqLen naming options.maxSeqLen, before any request", async () => {
      const before = server.requests.length;
      const error = await questionAnswering(client(), "What is my name?", "My name is Clara.", { model: "deepset/roberta-base-squad2", ...{ maxSeqLen: 0 } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.maxSeqLen");
      expect(server.requests.length).toBe(before);
    });
  });
});
