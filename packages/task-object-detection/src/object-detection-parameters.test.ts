import { createClient, InferenceInputError } from "@infer/core";
import { findTapes, fixtureBytes, fixturePath, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectDetection } from "./index.js";

const recorded: unknown = JSON.parse(findTapes("/models/facebook/detr-resnet-50").find((tape) => tape.url.endsWith("/models/facebook/detr-resnet-50"))!.response.body);
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, recorded));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: "hf_test", retry: false });

describe("@infer/task-object-detection", () => {
  describe("objectDetection parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await objectDetection(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50", ...{ threshold: 0.9 } });
      const request = server.requests.at(-1)!;
      expect(request.url).toBe("/models/facebook/detr-resnet-50");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ inputs: fixtureBytes("cheetah.png").toString("base64"), parameters: { threshold: 0.9 } });
      expect(output).toEqual(recorded);
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await objectDetection(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50", threshold: undefined });
      const request = server.requests.at(-1)!;
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("cheetah.png"))).toBe(true);
    });

    it("rejects a bad threshold naming options.threshold, before any request", async () => {
      const before = server.requests.length;
      const error = await objectDetection(client(), fixturePath("cheetah.png"), { model: "facebook/detr-resnet-50", ...{ threshold: 1.5 } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as InferenceInputError).argument).toBe("options.threshold");
      expect(server.requests.length).toBe(before);
    });
  });
});
