import { createClient, InferenceInputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textClassification } from "./index.js";

const recorded: unknown = tapeJson("distilbert-base-uncased-finetuned-sst-2-english").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-text-classification", () => {
  describe("textClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await textClassification(client(), "I like you. I love you.", { model: "distilbert-base-uncased-finetuned-sst-2-english", ...{ topK: 2, functionToApply: "sigmoid" } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/distilbert-base-uncased-finetuned-sst-2-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: "I like you. I love you.", parameters: { top_k: 2, function_to_apply: "sigmoid" } });
      expect(output).toEqual((recorded as unknown[])[0]);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await textClassification(client(), "I like you. I love you.", { model: "distilbert-base-uncased-finetuned-sst-2-english", functionToApply: undefined });
      expect(server.requests.at(-1)!.json()).toEqual({ inputs: "I like you. I love you." });
    });

    it("rejects a bad functionToApply naming options.functionToApply, before any request", async () => {
      const before = server.requests.length;
      const error = await textClassification(client(), "I like you. I love you.", { model: "distilbert-base-uncased-finetuned-sst-2-english", ...{ functionToApply: "max" as "none" } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.functionToApply");
      expect(server.requests.length).toBe(before);
    });
  });
});
