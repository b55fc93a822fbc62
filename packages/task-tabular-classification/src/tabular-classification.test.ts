import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tabularClassification, type Table } from "./index.js";

const recorded = tapeJson("vvmnnnkv/wine-quality");
// The recorded request's table (the old client sent it as inputs.data).
const table = (JSON.parse(recorded.tape.init.body ?? "{}") as { inputs: { data: Table } }).inputs.data;
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-tabular-classification", () => {
  describe("tabularClassification", () => {
    it("sends {table} as JSON to /models/{model} and returns the recorded labels as strings", async () => {
      const labels = await tabularClassification(client(), table, { model: "vvmnnnkv/wine-quality" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/vvmnnnkv/wine-quality");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ table });
      expect(recorded.body).toEqual([5, 5, 7]);
      expect(labels).toEqual(["5", "5", "7"]);
    });

    it("returns string labels as they are, and uses the client's model", async () => {
      server.answerNext({ json: ["good", "bad"] });
      const labels = await tabularClassification(
        createClient({ endpoint: server.url, token: false, model: "me/wine" }),
        { alcohol: [9.4, 12.6] },
      );
      expect(server.last().url).toBe("/models/me/wine");
      expect(server.last().json()).toEqual({ table: { alcohol: [9.4, 12.6] } });
      expect(labels).toEqual(["good", "bad"]);
    });

    it("rejects a call without a model before any request, naming options.model", async () => {
      const before = server.requests.length;
      await expect(
        tabularClassification(createClient({ endpoint: server.url, token: false }), table),
      ).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.model",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a table that is not an object of equal-length arrays before any request", async () => {
      const before = server.requests.length;
      const tables = [
        [["7.4", "7.8"]],
        "alcohol=9.4",
        {},
        { alcohol: "9.4" },
        { alcohol: [] },
        { alcohol: ["9.4", "9.8"], pH: ["3.51"] },
        { alcohol: [{ value: 9.4 }] },
        { alcohol: [Number.NaN] },
      ];
      for (const bad of tables) {
        const error = await tabularClassification(client(), bad as unknown as Table, { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error), JSON.stringify(bad)).toBe(true);
        expect((error as InferenceInputError).argument).toBe("table");
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ label: "good" }] });
      const error = await tabularClassification(client(), table, { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ label: "good" }]);
    });

    it("is a method after client.with(tabularClassification)", async () => {
      const labels = await client()
        .with(tabularClassification)
        .tabularClassification(table, { model: "vvmnnnkv/wine-quality" });
      expect(labels).toEqual(["5", "5", "7"]);
      expect(tabularClassification.taskName).toBe("tabular-classification");
      expect(tabularClassification.methodName).toBe("tabularClassification");
    });
  });
});
