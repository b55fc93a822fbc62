import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tokenClassification } from "./index.js";

const recorded: unknown = tapeJson("/models/dbmdz/bert-large-cased-finetuned-conll03-english").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-token-classification", () => {
  describe("tokenClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await tokenClassification(client(), "My name is Sarah Jessica Parker", {
        model: "dbmdz/bert-large-cased-finetuned-conll03-english",
        ...{ aggregationStrategy: "simple", ignoreLabels: ["O"], stride: 16 },
      });
      const request = server.last();
      expect(request.url).toBe("/models/dbmdz/bert-large-cased-finetuned-conll03-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: "My name is Sarah Jessica Parker",
        parameters: { aggregation_strategy: "simple", ignore_labels: ["O"], stride: 16 },
      });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await tokenClassification(client(), "My name is Sarah Jessica Parker", {
        model: "dbmdz/bert-large-cased-finetuned-conll03-english",
        aggregationStrategy: undefined,
      });
      expect(server.last().json()).toEqual({ inputs: "My name is Sarah Jessica Parker" });
    });

    it("rejects a bad aggregationStrategy naming options.aggregationStrategy, before any request", async () => {
      await server.expectInputError(
        () =>
          tokenClassification(client(), "My name is Sarah Jessica Parker", {
            model: "dbmdz/bert-large-cased-finetuned-conll03-english",
            ...{ aggregationStrategy: "none" as "max" },
          }),
        "options.aggregationStrategy",
      );
    });
  });
});
