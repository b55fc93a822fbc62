import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { fillMask } from "./index.js";

const recorded: unknown = tapeJson("/models/bert-base-uncased", "[MASK]").body;
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-fill-mask", () => {
  describe("fillMask parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await fillMask(client(), "[MASK] world!", {
        model: "bert-base-uncased",
        ...{ topK: 2, targets: ["the", "hello"] },
      });
      const request = server.last();
      expect(request.url).toBe("/models/bert-base-uncased");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: "[MASK] world!", parameters: { top_k: 2, targets: ["the", "hello"] } });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", targets: undefined });
      expect(server.last().json()).toEqual({ inputs: "[MASK] world!" });
    });

    it("rejects a bad targets naming options.targets, before any request", async () => {
      await server.expectInputError(
        () => fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", ...{ targets: [] } }),
        "options.targets",
      );
    });

    it("rejects targets with a non-string element or an empty string naming options.targets, before any request", async () => {
      for (const targets of [["the", 1], [null], "", 3]) {
        await server.expectInputError(
          () =>
            fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", ...{ targets: targets as string[] } }),
          "options.targets",
        );
      }
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      for (const topK of [0, -1, 1.5, "3"]) {
        await server.expectInputError(
          () => fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", ...{ topK: topK as number } }),
          "options.topK",
        );
      }
    });
  });
});
