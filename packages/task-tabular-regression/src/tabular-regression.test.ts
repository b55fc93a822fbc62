import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tabularRegression, type Table } from "./index.js";

const recorded = tapeJson("scikit-learn/Fish-Weight");
// The recorded request's table (the old client sent it as inputs.data).
const table = (JSON.parse(recorded.tape.init.body ?? "{}") as { inputs: { data: Table } }).inputs.data;
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-tabular-regression", () => {
  describe("tabularRegression", () => {
    it("sends {table} as JSON to /models/{model} and returns the recorded numbers", async () => {
      const weights = await tabularRegression(client(), table, { model: "scikit-learn/Fish-Weight" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/scikit-learn/Fish-Weight");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ table });
      expect(weights).toEqual([270.5473526976245, 313.6843425638086, 328.3727133404402]);
    });

    it("uses the client's model, and sends cells as given", async () => {
      server.answerNext({ json: [1.5] });
      const weights = await tabularRegression(createClient({ endpoint: server.url, token: false, model: "me/fish" }), {
        Species: ["Bream"],
        Height: [11.52],
        Tagged: [true],
        Width: [null],
      });
      expect(server.last().url).toBe("/models/me/fish");
      expect(server.last().json()).toEqual({
        table: { Species: ["Bream"], Height: [11.52], Tagged: [true], Width: [null] },
      });
      expect(weights).toEqual([1.5]);
    });

    it("rejects a call without a model before any request, naming options.model", async () => {
      const before = server.requests.length;
      await expect(tabularRegression(createClient({ endpoint: server.url, token: false }), table)).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.model",
      );
      await expect(tabularRegression(client(), table, { model: 42 as unknown as string })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.model",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects a table that is not an object of equal-length arrays before any request", async () => {
      const before = server.requests.length;
      const tables = [
        null,
        [],
        {},
        { Height: 11.52 },
        { Height: [] },
        { Height: ["11.52", "12.48"], Width: ["4.02"] },
        { Height: [undefined] },
      ];
      for (const bad of tables) {
        const error = await tabularRegression(client(), bad as unknown as Table, { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error), JSON.stringify(bad)).toBe(true);
        expect((error as InferenceInputError).argument).toBe("table");
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      for (const body of [["270.5"], { predictions: [270.5] }]) {
        server.answerNext({ json: body });
        const error = await tabularRegression(client(), table, { model: "m" }).catch((caught: unknown) => caught);
        expect(InferenceOutputError.isInstance(error)).toBe(true);
        expect((error as InferenceOutputError).body).toEqual(body);
      }
    });

    it("is a method after client.with(tabularRegression)", async () => {
      const weights = await client()
        .with(tabularRegression)
        .tabularRegression(table, { model: "scikit-learn/Fish-Weight" });
      expect(weights).toHaveLength(3);
      expect(tabularRegression.taskName).toBe("tabular-regression");
      expect(tabularRegression.methodName).toBe("tabularRegression");
    });
  });
});
