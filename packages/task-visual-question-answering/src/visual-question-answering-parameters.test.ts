import { createClient } from "@infer/core";
import { fixtureBytes, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { visualQuestionAnswering } from "./index.js";

const model = "dandelin/vilt-b32-finetuned-vqa";
const recorded: unknown = tapeJson(model).body;
const cheetah = fixtureBytes("cheetah.png");
const question = "How many cats are lying down?";
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-visual-question-answering", () => {
  describe("visualQuestionAnswering parameters", () => {
    it("sends topK as top_k under parameters, beside question and image, and returns the answers", async () => {
      const answers = await visualQuestionAnswering(client(), new Uint8Array(cheetah), question, {
        model,
        ...{ topK: 3 },
      });
      const request = server.last();
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ question, image: cheetah.toString("base64"), parameters: { top_k: 3 } });
      expect(answers).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await visualQuestionAnswering(client(), new Uint8Array(cheetah), question, { model, topK: undefined });
      expect(server.last().json()).toEqual({ question, image: cheetah.toString("base64") });
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      for (const topK of [0, -1, 1.5, "3", Number.NaN, null]) {
        await server.expectInputError(
          () =>
            visualQuestionAnswering(client(), new Uint8Array(cheetah), question, {
              model,
              ...{ topK: topK as number },
            }),
          "options.topK",
        );
      }
    });

    it("rejects a bad topK before downloading an image given as a URL", async () => {
      await server.expectInputError(
        () => visualQuestionAnswering(client(), new URL("/cheetah.png", server.url), question, { model, topK: 0 }),
        "options.topK",
      );
    });
  });
});
