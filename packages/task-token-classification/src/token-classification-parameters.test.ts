import { createClient, InferenceInputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenClassification } from "./index.js";

const recorded: unknown = tapeJson("/models/dbmdz/bert-large-cased-finetuned-conll03-english").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-token-classification", () => {
  describe("tokenClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await tokenClassification(client(), "My name is Sarah Jessica Parker", { model: "dbmdz/bert-large-cased-finetuned-conll03-english", ...{ aggregationStrategy: "simple", ignoreLabels: ["O"], stride: 16 } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: "My name is Sarah Jessica Parker", parameters: { aggregation_strategy: "simple", ignore_labels: ["O"], stride: 16 } });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await tokenClassification(client(), "My name is Sarah Jessica Parker", { model: "dbmdz/bert-large-cased-finetuned-conll03-english", aggregationStrategy: undefined });
      expect(server.requests.at(-1)!.json()).toEqual({ inputs: "My name is Sarah Jessica Parker" });
    });

    it("rejects a bad aggregationStrategy naming options.aggregationStrategy, before any request", async () => {
      const before = server.requests.length;
      const error = await tokenClassification(client(), "My name is Sarah Jessica Parker", { model: "dbmdz/bert-large-cased-finetuned-conll03-english", ...{ aggregationStrategy: "none" as "max" } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.aggregationStrategy");
      expect(server.requests.length).toBe(before);
    });
  });
});
