import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textClassification } from "./index.js";

const recorded: unknown = tapeJson("distilbert-base-uncased-finetuned-sst-2-english").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-text-classification", () => {
  describe("textClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await textClassification(client(), "I like you. I love you.", {
        model: "distilbert-base-uncased-finetuned-sst-2-english",
        ...{ topK: 2, functionToApply: "sigmoid" },
      });
      const request = server.last();
      expect(request.url).toBe("/models/distilbert-base-uncased-finetuned-sst-2-english");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: "I like you. I love you.",
        parameters: { top_k: 2, function_to_apply: "sigmoid" },
      });
      expect(output).toEqual((recorded as unknown[])[0]);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await textClassification(client(), "I like you. I love you.", {
        model: "distilbert-base-uncased-finetuned-sst-2-english",
        functionToApply: undefined,
      });
      expect(server.last().json()).toEqual({ inputs: "I like you. I love you." });
    });

    it("rejects a bad functionToApply naming options.functionToApply, before any request", async () => {
      await server.expectInputError(
        () =>
          textClassification(client(), "I like you. I love you.", {
            model: "distilbert-base-uncased-finetuned-sst-2-english",
            ...{ functionToApply: "max" as "none" },
          }),
        "options.functionToApply",
      );
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      for (const topK of [0, -1, 1.5, "3", Number.NaN]) {
        await server.expectInputError(
          () =>
            textClassification(client(), "I like you. I love you.", {
              model: "distilbert-base-uncased-finetuned-sst-2-english",
              ...{ topK: topK as number },
            }),
          "options.topK",
        );
      }
    });
  });
});
