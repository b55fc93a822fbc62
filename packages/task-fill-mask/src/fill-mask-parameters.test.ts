import { createClient, InferenceInputError } from "@infer/core";
import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillMask } from "./index.js";

const recorded: unknown = tapeJson("/models/bert-base-uncased", "[MASK]").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-fill-mask", () => {
  describe("fillMask parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", ...{ topK: 2, targets: ["the", "hello"] } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/bert-base-uncased");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: "[MASK] world!", parameters: { top_k: 2, targets: ["the", "hello"] } });
      expect(output).toEqual(recorded);
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", targets: undefined });
      expect(server.requests.at(-1)!.json()).toEqual({ inputs: "[MASK] world!" });
    });

    it("rejects a bad targets naming options.targets, before any request", async () => {
      const before = server.requests.length;
      const error = await fillMask(client(), "[MASK] world!", { model: "bert-base-uncased", ...{ targets: [] } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.targets");
      expect(server.requests.length).toBe(before);
    });
  });
});
