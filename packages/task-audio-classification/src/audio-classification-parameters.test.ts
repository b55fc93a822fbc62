import { createClient } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { audioClassification } from "./index.js";

const recorded: unknown = tapeJson("superb/hubert-large-superb-er").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-audio-classification", () => {
  describe("audioClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await audioClassification(client(), fixturePath("sample1.flac"), {
        model: "superb/hubert-large-superb-er",
        ...{ topK: 1 },
      });
      const request = server.last();
      expect(request.url).toBe("/models/superb/hubert-large-superb-er");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: fixtureBytes("sample1.flac").toString("base64"),
        parameters: { top_k: 1 },
      });
      expect(output).toEqual(recorded);
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await audioClassification(client(), fixturePath("sample1.flac"), {
        model: "superb/hubert-large-superb-er",
        topK: undefined,
      });
      const request = server.last();
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("sample1.flac"))).toBe(true);
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      await server.expectInputError(
        () =>
          audioClassification(client(), fixturePath("sample1.flac"), {
            model: "superb/hubert-large-superb-er",
            ...{ topK: 2.5 },
          }),
        "options.topK",
      );
    });

    it("sends functionToApply as function_to_apply", async () => {
      await audioClassification(client(), fixturePath("sample1.flac"), {
        model: "superb/hubert-large-superb-er",
        ...{ functionToApply: "softmax" },
      });
      const request = server.last();
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: fixtureBytes("sample1.flac").toString("base64"),
        parameters: { function_to_apply: "softmax" },
      });
    });

    it("rejects a bad functionToApply naming options.functionToApply, before any request", async () => {
      for (const functionToApply of ["max", "Softmax", "", 1]) {
        await server.expectInputError(
          () =>
            audioClassification(client(), fixturePath("sample1.flac"), {
              model: "superb/hubert-large-superb-er",
              ...{ functionToApply: functionToApply as "none" },
            }),
          "options.functionToApply",
        );
      }
    });
  });
});
