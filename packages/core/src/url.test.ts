import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InferenceInputError } from "./index.js";
import { defaultPipelineLayout, modelUrl } from "./url.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => sendJson(response, { url: request.url }));
});
afterAll(() => server.close());

describe("url", () => {
  describe("modelUrl", () => {
    it("puts a Hub id under /models/", () => {
      expect(modelUrl("https://e.test", "router", "org/model", "text-classification")).toBe(
        "https://e.test/models/org/model",
      );
    });

    it("uses an http(s) model verbatim, appending nothing", () => {
      expect(modelUrl("https://e.test", "router", "http://127.0.0.1:8080/generate", "feature-extraction")).toBe(
        "http://127.0.0.1:8080/generate",
      );
    });

    it("routes feature-extraction and sentence-similarity by layout", () => {
      expect(modelUrl("https://e.test", "router", "m", "feature-extraction")).toBe(
        "https://e.test/models/m/pipeline/feature-extraction",
      );
      expect(modelUrl("https://e.test", "legacy", "m", "sentence-similarity")).toBe(
        "https://e.test/pipeline/sentence-similarity/m",
      );
    });

    it("defaults to the router layout only for Hugging Face's router", () => {
      expect(defaultPipelineLayout("https://router.huggingface.co/hf-inference")).toBe("router");
      expect(defaultPipelineLayout("http://127.0.0.1:9000")).toBe("legacy");
      expect(defaultPipelineLayout("https://router.huggingface.co.evil.test")).toBe("legacy");
    });
  });

  describe("post", () => {
    it("calls the client's endpoint, trailing slashes trimmed", async () => {
      const response = await createClient({ endpoint: `${server.url}//`, token: false }).post({
        model: "a/b",
        json: 1,
      });
      expect(await response.json()).toEqual({ url: "/models/a/b" });
    });

    it("prefers the call's model over the client's", async () => {
      const client = createClient({ endpoint: server.url, token: false, model: "client-model" });
      expect(await (await client.post({ json: 1 })).json()).toEqual({ url: "/models/client-model" });
      expect(await (await client.post({ json: 1 }, { model: "call-model" })).json()).toEqual({
        url: "/models/call-model",
      });
    });

    it("takes $HF_INFERENCE_ENDPOINT when no endpoint is given", async () => {
      process.env["HF_INFERENCE_ENDPOINT"] = server.url;
      try {
        const response = await createClient({ token: false }).post({ model: "env", json: 1 });
        expect(await response.json()).toEqual({ url: "/models/env" });
      } finally {
        delete process.env["HF_INFERENCE_ENDPOINT"];
      }
    });

    it("appends a route such as /v1/chat/completions to a URL model once", async () => {
      const client = createClient({ token: false });
      const first = await client.post({ model: `${server.url}/`, json: 1, path: "/v1/chat/completions" });
      expect(await first.json()).toEqual({ url: "/v1/chat/completions" });
      const second = await client.post({
        model: `${server.url}/v1/chat/completions`,
        json: 1,
        path: "/v1/chat/completions",
      });
      expect(await second.json()).toEqual({ url: "/v1/chat/completions" });
    });

    it("rejects a call with no model and no task before any request", async () => {
      const before = server.requests.length;
      const error = await createClient({ endpoint: server.url })
        .post({ json: 1 })
        .catch((caught: unknown) => caught);
      expect(InferenceInputError.isInstance(error) && error.argument).toBe("model");
      expect(server.requests.length).toBe(before);
    });

    it("exposes the endpoint it resolved, trailing slashes trimmed", () => {
      expect(createClient({ endpoint: "http://127.0.0.1:9/base/" }).endpoint).toBe("http://127.0.0.1:9/base");
      expect(createClient().endpoint).toBe(
        process.env["HF_INFERENCE_ENDPOINT"] ?? "https://router.huggingface.co/hf-inference",
      );
    });

    it("rejects an endpoint that is not an http(s) URL", () => {
      expect(() => createClient({ endpoint: "ftp://x" })).toThrow(/options.endpoint/);
    });
  });
});
