import { InferenceHTTPError, InferenceInputError } from "@infer/core";
import {
  fixtureBytes,
  sendBytes,
  sendJson,
  startServer,
  tapeJson,
  type RecordedRequest,
  type TestServer,
} from "@infer/testing";
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { InferenceApi } from "./index.js";

const MULTILINGUAL = "sentence-transformers/paraphrase-xlm-r-multilingual-v1";
const hubAnswers: Record<string, unknown> = {
  [MULTILINGUAL]: tapeJson(`api/models/${MULTILINGUAL}`).body,
  "facebook/bart-base": tapeJson("api/models/facebook/bart-base").body,
  "bert-base-uncased": { id: "bert-base-uncased", pipeline_tag: "fill-mask" },
  "google/vit-base-patch16-224": { id: "google/vit-base-patch16-224", pipeline_tag: "image-classification" },
  "no-task/model": { id: "no-task/model" },
};
const embeddings = tapeJson(`pipeline/feature-extraction/${MULTILINGUAL}`).body;
const missingModel = tapeJson("this-model-does-not-exist-123");

let server: TestServer;
let answer: (request: RecordedRequest, response: ServerResponse) => void = (_request, response) =>
  sendJson(response, embeddings);
let warn: MockInstance<typeof console.warn>;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const url = new URL(request.url, server.url);
    if (url.pathname === "/api/models/old-name/bart") {
      // A renamed repository: the Hub answers 307 with a relative Location.
      response.writeHead(307, { location: `/api/models/facebook/bart-base${url.search}` });
      return response.end();
    }
    if (url.pathname.startsWith("/api/models/")) {
      const hubAnswer = hubAnswers[url.pathname.slice("/api/models/".length)];
      return hubAnswer === undefined
        ? sendJson(response, { error: "Repository not found" }, 404)
        : sendJson(response, hubAnswer);
    }
    answer(request, response);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  answer = (_request, response) => sendJson(response, embeddings);
});
afterEach(() => warn.mockRestore());

const api = (repoId: string, extra: { task?: string; gpu?: boolean } = {}) =>
  new InferenceApi(repoId, { endpoint: server.url, hubEndpoint: server.url, token: "hf_test", ...extra });
const inferenceRequests = () => server.requests.filter((request) => request.method === "POST");
const hubRequests = () => server.requests.filter((request) => request.url.startsWith("/api/models/"));

describe("@infer/compat", () => {
  describe("InferenceApi", () => {
    it("is a callable instance that remembers its repo id", () => {
      const inference = api("facebook/bart-base");
      expect(typeof inference).toBe("function");
      expect(inference).toBeInstanceOf(InferenceApi);
      expect(inference.repoId).toBe("facebook/bart-base");
      expect(typeof inference.call).toBe("function");
    });

    it("looks up the model's task on the Hub and POSTs {inputs, options} to /pipeline/{task}/{id}", async () => {
      const inference = api("facebook/bart-base");
      const result = await inference("That is a happy person");
      const hub = hubRequests().at(-1)!;
      expect(hub.method).toBe("GET");
      expect(hub.url).toBe("/api/models/facebook/bart-base?expand[]=pipeline_tag");
      const request = inferenceRequests().at(-1)!;
      expect(request.url).toBe("/pipeline/feature-extraction/facebook/bart-base");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: "That is a happy person",
        options: { wait_for_model: true, use_gpu: false },
      });
      expect(result).toEqual(embeddings);
      expect(await inference.getTask()).toBe("feature-extraction");
    });

    it("takes options given as an explicit undefined (exactOptionalPropertyTypes) as absent", async () => {
      const inference = new InferenceApi("facebook/bart-base", {
        endpoint: server.url,
        hubEndpoint: server.url,
        token: "hf_test",
        task: undefined,
        gpu: undefined,
        fetch: undefined,
        dispatcher: undefined,
      });
      expect(await inference("hello")).toEqual(embeddings);
      expect(inferenceRequests().at(-1)!.url).toBe("/pipeline/feature-extraction/facebook/bart-base");
      expect(inferenceRequests().at(-1)!.json()).toEqual({
        inputs: "hello",
        options: { wait_for_model: true, use_gpu: false },
      });
    });

    it("sends params as `parameters` untouched, and `use_gpu` from the gpu option", async () => {
      const inference = api("facebook/bart-base", { gpu: true });
      await inference(["hello", "That is a happy person"], { truncate: true });
      expect(inferenceRequests().at(-1)!.json()).toEqual({
        inputs: ["hello", "That is a happy person"],
        parameters: { truncate: true },
        options: { wait_for_model: true, use_gpu: true },
      });
    });

    it("omits inputs and parameters given as null or undefined", async () => {
      await api("facebook/bart-base")(null, null);
      expect(inferenceRequests().at(-1)!.json()).toEqual({ options: { wait_for_model: true, use_gpu: false } });
    });

    it("looks up the task once per instance, concurrent first calls included", async () => {
      const inference = api("facebook/bart-base");
      const before = hubRequests().length;
      await Promise.all([inference("a"), inference("b")]);
      await inference("c");
      expect(hubRequests().length - before).toBe(1);
      expect(
        inferenceRequests()
          .slice(-3)
          .map((request) => request.url),
      ).toEqual(Array(3).fill("/pipeline/feature-extraction/facebook/bart-base"));
    });

    it("follows the Hub's 307 redirect with a relative Location for a renamed repository", async () => {
      const inference = api("old-name/bart");
      await inference("hello");
      expect(
        hubRequests()
          .slice(-2)
          .map((request) => request.url),
      ).toEqual([
        "/api/models/old-name/bart?expand[]=pipeline_tag",
        "/api/models/facebook/bart-base?expand[]=pipeline_tag",
      ]);
      expect(await inference.getTask()).toBe("feature-extraction");
      expect(inferenceRequests().at(-1)!.url).toBe("/pipeline/feature-extraction/old-name/bart");
    });

    it("accepts a task override equal to the model's own, without a warning", async () => {
      await api("facebook/bart-base", { task: "feature-extraction" })("hello");
      expect(inferenceRequests().at(-1)!.url).toBe("/pipeline/feature-extraction/facebook/bart-base");
      expect(warn).not.toHaveBeenCalled();
    });

    it("accepts a known task other than the model's, with one warning", async () => {
      const inference = api(MULTILINGUAL, { task: "feature-extraction" });
      const result = await inference("That is a happy person");
      await inference("again");
      expect(inferenceRequests().at(-1)!.url).toBe(`/pipeline/feature-extraction/${MULTILINGUAL}`);
      expect(result).toEqual(embeddings);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toContain('not its own task "sentence-similarity"');
    });

    it("rejects an unknown task override with InferenceInputError before any inference request", async () => {
      const before = inferenceRequests().length;
      const error = await api("facebook/bart-base", { task: "text-to-everything" })("hello").catch(
        (caught: unknown) => caught,
      );
      expect(InferenceInputError.isInstance(error)).toBe(true);
      expect((error as InferenceInputError).argument).toBe("options.task");
      expect((error as Error).message).toContain('unknown task "text-to-everything"');
      expect(inferenceRequests().length).toBe(before);
    });

    it("rejects a model that names no task when none is given", async () => {
      const before = inferenceRequests().length;
      await expect(api("no-task/model")("hello")).rejects.toSatisfy((error: unknown) =>
        InferenceInputError.isInstance(error),
      );
      expect(inferenceRequests().length).toBe(before);
      await api("no-task/model", { task: "text-classification" })("hello");
      expect(inferenceRequests().at(-1)!.url).toBe("/pipeline/text-classification/no-task/model");
    });

    it("rejects when the Hub does not know the model, and looks up again on the next call", async () => {
      const inference = api("missing/model");
      const error = await inference("hello").catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error) && error.status).toBe(404);
      const before = hubRequests().length;
      await inference("hello").catch(() => {});
      expect(hubRequests().length).toBe(before + 1);
    });

    it("sends `data` as the raw body instead of JSON", async () => {
      const labels = tapeJson("google/vit-base-patch16-224").body;
      answer = (_request, response) => sendJson(response, labels);
      const image = fixtureBytes("cheetah.png");
      const result = await api("google/vit-base-patch16-224")(undefined, undefined, image);
      const request = inferenceRequests().at(-1)!;
      expect(request.url).toBe("/pipeline/image-classification/google/vit-base-patch16-224");
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body.equals(image)).toBe(true);
      expect(result).toEqual(labels);
    });

    it("returns an error answer's JSON body as data instead of throwing", async () => {
      answer = (_request, response) => sendJson(response, missingModel.body, missingModel.tape.response.status);
      const result = await api("bert-base-uncased")("[MASK] world!");
      expect(result).toEqual({ error: "Model this-model-does-not-exist-123 does not exist" });
    });

    it("returns a 400 answer's body as data too", async () => {
      answer = (_request, response) => sendJson(response, { error: ["Input is too long", "Try a shorter one"] }, 400);
      expect(await api("bert-base-uncased")("x")).toEqual({ error: ["Input is too long", "Try a shorter one"] });
    });

    it("returns an image answer as an image Blob", async () => {
      const png = fixtureBytes("cheetah.png");
      answer = (_request, response) => sendBytes(response, png, "image/png");
      const result = await api("bert-base-uncased", { task: "text-to-image" })("a cheetah");
      expect(result).toBeInstanceOf(Blob);
      expect((result as Blob).type).toBe("image/png");
      expect(Buffer.from(await (result as Blob).arrayBuffer()).equals(png)).toBe(true);
    });

    it("returns an audio answer as a Blob", async () => {
      const flac = fixtureBytes("sample1.flac");
      answer = (_request, response) => sendBytes(response, flac, "audio/flac");
      const result = await api("bert-base-uncased", { task: "text-to-speech" })("hello there!");
      expect(result).toBeInstanceOf(Blob);
      expect((result as Blob).type).toBe("audio/flac");
      expect((result as Blob).size).toBe(flac.byteLength);
    });

    it("returns the response itself with rawResponse", async () => {
      answer = (_request, response) => sendJson(response, embeddings, 200, { "x-compute-type": "cpu" });
      const response = await api("facebook/bart-base")("hello", undefined, undefined, true);
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-compute-type")).toBe("cpu");
      expect(await response.json()).toEqual(embeddings);
    });

    it("returns an error response with rawResponse instead of throwing", async () => {
      answer = (_request, response) =>
        sendJson(response, { error: "Model is overloaded" }, 400, { "x-request-id": "abc" });
      const response = await api("facebook/bart-base")("hello", null, null, true);
      expect(response.status).toBe(400);
      expect(response.headers.get("x-request-id")).toBe("abc");
      expect(await response.json()).toEqual({ error: "Model is overloaded" });
    });

    it("rejects an endpoint URL or a non-string as repo id when constructed", () => {
      expect(() => new InferenceApi("https://example.com/model")).toThrow(InferenceInputError);
      expect(() => new InferenceApi(42 as unknown as string)).toThrow(/repoId/);
      expect(() => api("gpt2", { task: "" })).toThrow(/options.task/);
    });
  });
});
