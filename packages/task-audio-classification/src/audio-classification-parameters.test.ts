import { createClient, InferenceInputError } from "@infer/core";
import { fixtureBytes, fixturePath, sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioClassification } from "./index.js";

const recorded: unknown = tapeJson("superb/hubert-large-superb-er").body;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-audio-classification", () => {
  describe("audioClassification parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await audioClassification(client(), fixturePath("sample1.flac"), { model: "superb/hubert-large-superb-er", ...{ topK: 1 } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/superb/hubert-large-superb-er");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: fixtureBytes("sample1.flac").toString("base64"), parameters: { top_k: 1 } });
      expect(output).toEqual(recorded);
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await audioClassification(client(), fixturePath("sample1.flac"), { model: "superb/hubert-large-superb-er", topK: undefined });
      const request = server.requests.at(-1)!;
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("sample1.flac"))).toBe(true);
    });

    it("rejects a bad topK naming options.topK, before any request", async () => {
      const before = server.requests.length;
      const error = await audioClassification(client(), fixturePath("sample1.flac"), { model: "superb/hubert-large-superb-er", ...{ topK: 2.5 } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.topK");
      expect(server.requests.length).toBe(before);
    });
  });
});
