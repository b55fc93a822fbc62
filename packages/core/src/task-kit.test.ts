import { sendBytes, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearRecommendedModels, createClient, InferenceInputError, InferenceOutputError } from "./index.js";
import {
  checkNumber,
  readBlobOutput,
  requireModel,
  requireTable,
  snakeCaseParameters,
  splitOptions,
} from "./task-kit-entry.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === "/models/png") return sendBytes(response, new Uint8Array([137, 80]), "image/png");
    if (request.url === "/models/empty") return sendBytes(response, new Uint8Array(), "image/png");
    if (request.url === "/api/tasks")
      return sendJson(response, { "image-classification": { widgetModels: ["google/vit"] } });
    return sendJson(response, { error: "not an image" });
  });
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, hubEndpoint: server.url, token: false, retry: false });

describe("task kit", () => {
  describe("splitOptions", () => {
    it("separates request options from task parameters, dropping undefined", () => {
      const signal = new AbortController().signal;
      expect(splitOptions({ model: "m", signal, timeout: 5, headers: { a: "b" }, topK: 3, seed: undefined })).toEqual({
        request: { model: "m", signal, timeout: 5, headers: { a: "b" } },
        parameters: { topK: 3 },
      });
    });

    it("rejects options that are not an object", () => {
      expect(() => splitOptions("fast" as never)).toThrow(InferenceInputError);
    });
  });

  describe("snakeCaseParameters", () => {
    it("renames set values and returns undefined when none is set", () => {
      expect(snakeCaseParameters({ negativePrompt: "x", numInferenceSteps: 2, width: undefined })).toEqual({
        negative_prompt: "x",
        num_inference_steps: 2,
      });
      expect(snakeCaseParameters({ width: undefined })).toBeUndefined();
    });
  });

  describe("checkNumber", () => {
    it("names the argument and the bounds", () => {
      expect(() => checkNumber(1, "options.topP", { above: 0, below: 1 })).toThrow(
        "Invalid argument `options.topP`: expected a number > 0 and < 1, got 1",
      );
      expect(() => checkNumber(2.5, "options.height", { above: 0, integer: true })).toThrow(/an integer > 0/);
      expect(() => checkNumber(0.5, "options.topP", { above: 0, below: 1 })).not.toThrow();
      expect(() => checkNumber(undefined, "options.topP", { above: 0 })).not.toThrow();
    });
  });

  describe("requireTable and requireModel", () => {
    it("accepts equal-length columns of scalars and names the column at fault", () => {
      expect(() => requireTable({ a: ["1", 2], b: [true, null] })).not.toThrow();
      expect(() => requireTable({ a: ["1"], b: ["1", "2"] })).toThrow(/equal length/);
      expect(() => requireTable({ a: [{}] })).toThrow(/column "a"/);
      expect(() => requireTable({})).toThrow(/at least one column/);
      expect(() => requireTable([])).toThrow(InferenceInputError);
    });

    it("takes the call's model, else the client's, else rejects naming options.model", () => {
      expect(requireModel(createClient({ model: "client" }), {}, "tabular-regression")).toBe("client");
      expect(requireModel(createClient({ model: "client" }), { model: "call" }, "tabular-regression")).toBe("call");
      expect(() => requireModel(createClient(), {}, "tabular-regression")).toThrow(/options\.model/);
    });
  });

  describe("readBlobOutput", () => {
    it("returns the bytes typed with the server's Content-Type", async () => {
      const blob = await readBlobOutput(
        await client().post({ model: "png", json: {} }),
        "text-to-image",
        "image bytes",
      );
      expect(blob.type).toBe("image/png");
      expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([137, 80]);
    });

    it("rejects a JSON answer or an empty body with InferenceOutputError carrying the body", async () => {
      const json = await readBlobOutput(await client().post({ model: "json", json: {} }), "t", "image bytes").catch(
        (error: unknown) => error,
      );
      expect(InferenceOutputError.isInstance(json) && json.body).toEqual({ error: "not an image" });
      const empty = await readBlobOutput(await client().post({ model: "empty", json: {} }), "t", "image bytes").catch(
        (error: unknown) => error,
      );
      expect(InferenceOutputError.isInstance(empty)).toBe(true);
    });
  });

  describe("post inputs", () => {
    it("rejects undefined data named by dataArgument, before any request", async () => {
      const before = server.requests.length;
      const error = await client()
        .post({ model: "m", data: undefined as never, dataArgument: "image" })
        .catch((caught: unknown) => caught);
      expect(InferenceInputError.isInstance(error) && error.argument).toBe("image");
      expect(server.requests.length).toBe(before);
    });

    it("checks a binary input before looking up a recommended model", async () => {
      clearRecommendedModels();
      const before = server.requests.length;
      const error = await client()
        .post({ task: "image-classification", data: "/no/such.png", dataArgument: "image" })
        .catch((caught: unknown) => caught);
      expect(InferenceInputError.isInstance(error) && error.argument).toBe("image");
      expect(server.requests.length).toBe(before);
    });

    it("uses the recommended model when none is given", async () => {
      clearRecommendedModels();
      await client().post({ task: "image-classification", data: new Uint8Array([1]) });
      expect(server.requests.slice(-2).map((request) => request.url)).toEqual(["/api/tasks", "/models/google/vit"]);
    });
  });
});
