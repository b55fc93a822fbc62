import { describe, expect, it } from "vitest";
import { pipelineUrl, resolveEndpoint } from "./pipeline-url.js";

describe("@infer/compat", () => {
  describe("pipelineUrl", () => {
    it("uses the api-inference route /pipeline/{task}/{id} on any endpoint but the router", () => {
      expect(pipelineUrl("http://127.0.0.1:8080", "fill-mask", "bert-base-uncased")).toBe(
        "http://127.0.0.1:8080/pipeline/fill-mask/bert-base-uncased",
      );
    });

    it("uses the router's routes on the router", () => {
      const router = "https://router.huggingface.co/hf-inference";
      expect(pipelineUrl(router, "feature-extraction", "org/model")).toBe(
        `${router}/models/org/model/pipeline/feature-extraction`,
      );
      expect(pipelineUrl(router, "fill-mask", "org/model")).toBe(`${router}/models/org/model`);
    });
  });

  describe("resolveEndpoint", () => {
    it("prefers the option, trims trailing slashes, and falls back to the default", () => {
      expect(resolveEndpoint("http://localhost:1/")).toBe("http://localhost:1");
      const saved = process.env["HF_INFERENCE_ENDPOINT"];
      delete process.env["HF_INFERENCE_ENDPOINT"];
      try {
        expect(resolveEndpoint(undefined)).toBe("https://router.huggingface.co/hf-inference");
        process.env["HF_INFERENCE_ENDPOINT"] = "http://from-env:2";
        expect(resolveEndpoint(undefined)).toBe("http://from-env:2");
      } finally {
        if (saved === undefined) delete process.env["HF_INFERENCE_ENDPOINT"];
        else process.env["HF_INFERENCE_ENDPOINT"] = saved;
      }
    });
  });
});
