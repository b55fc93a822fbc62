import { sendJson, startServer, type RecordedRequest, type TestServer } from "@infer/testing";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clearRecommendedModels,
  createClient,
  getModelStatus,
  getRecommendedModel,
  InferenceAbortError,
  InferenceHTTPError,
  InferenceInputError,
  InferenceOutputError,
  InferenceTimeoutError,
  listDeployedModels,
  MAIN_FRAMEWORKS,
} from "../index.js";

const taskIndex = {
  "fill-mask": { widgetModels: ["bert-base-uncased", "distilroberta-base"] },
  "text-classification": { widgetModels: ["distilbert-base-uncased-finetuned-sst-2-english"] },
  "image-to-3d": { widgetModels: [] },
};
const deployed: Record<string, unknown[]> = {
  transformers: [
    { model_id: "gpt2", task: "text-generation", compute_type: "cpu" },
    { model_id: "bert-base-uncased", task: "fill-mask" },
  ],
  "text-generation-inference": [
    { model_id: "bigcode/starcoder", task: "text-generation" },
    { model_id: "gpt2", task: "text-generation" },
  ],
  "sentence-transformers": [{ model_id: "sentence-transformers/all-MiniLM-L6-v2", task: "feature-extraction" }],
  diffusers: [],
  timm: [{ model_id: "timm/resnet50.a1_in1k", task: "image-classification" }],
};

type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;
const defaultHandler: Handler = (request, response) => {
  if (request.url === "/api/tasks") return sendJson(response, taskIndex);
  if (request.url === "/api/frameworks") return sendJson(response, { transformers: {}, timm: {} });
  if (request.url.startsWith("/framework/")) {
    const list = deployed[request.url.slice("/framework/".length)];
    return list ? sendJson(response, list) : sendJson(response, { error: "unknown framework" }, 404);
  }
  if (request.url === "/status/gpt2") {
    return sendJson(response, {
      loaded: true,
      state: "Loaded",
      compute_type: "gpu",
      framework: "text-generation-inference",
    });
  }
  if (request.url === "/status/broken") return sendJson(response, { ok: true });
  sendJson(response, { error: `no route ${request.url}` }, 404);
};
let handler: Handler = defaultHandler;
let server: TestServer;

beforeAll(async () => {
  server = await startServer((request, response) => handler(request, response));
});
afterAll(() => server.close());
beforeEach(() => {
  clearRecommendedModels();
  handler = defaultHandler;
});

const client = () => createClient({ endpoint: server.url, hubEndpoint: server.url, token: "hf_test", retry: false });
const requestsTo = (url: string) => server.requests.filter((request) => request.url === url).length;

describe("InferenceCore", () => {
  describe("getRecommendedModel", () => {
    it("returns the first widget model of the task from GET {hub}/api/tasks", async () => {
      expect(await getRecommendedModel(client(), "fill-mask")).toBe("bert-base-uncased");
      const request = server.requests.at(-1)!;
      expect(request.method).toBe("GET");
      expect(request.url).toBe("/api/tasks");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
    });

    it("fetches the task index once per process, across clients and tasks", async () => {
      const before = requestsTo("/api/tasks");
      await getRecommendedModel(client(), "fill-mask");
      await getRecommendedModel(client(), "text-classification");
      expect(await getRecommendedModel(client(), "fill-mask")).toBe("bert-base-uncased");
      expect(requestsTo("/api/tasks") - before).toBe(1);
    });

    it("shares one request between concurrent callers", async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      handler = async (request, response) => {
        await gate;
        return defaultHandler(request, response);
      };
      const before = requestsTo("/api/tasks");
      const answers = Promise.all([
        getRecommendedModel(client(), "fill-mask"),
        getRecommendedModel(client(), "text-classification"),
        getRecommendedModel(client(), "fill-mask"),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      expect(await answers).toEqual([
        "bert-base-uncased",
        "distilbert-base-uncased-finetuned-sst-2-english",
        "bert-base-uncased",
      ]);
      expect(requestsTo("/api/tasks") - before).toBe(1);
    });

    it("does not cache a failed fetch: the next call asks again", async () => {
      handler = (_request, response) => sendJson(response, { error: "Hub is down" }, 500);
      const before = requestsTo("/api/tasks");
      const error = await getRecommendedModel(client(), "fill-mask").catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error) && error.status).toBe(500);
      handler = defaultHandler;
      expect(await getRecommendedModel(client(), "fill-mask")).toBe("bert-base-uncased");
      expect(requestsTo("/api/tasks") - before).toBe(2);
    });

    it("does not cache an answer of the wrong shape either", async () => {
      handler = (_request, response) => sendJson(response, ["not", "an", "index"]);
      await expect(getRecommendedModel(client(), "fill-mask")).rejects.toSatisfy((error: unknown) =>
        InferenceOutputError.isInstance(error),
      );
      handler = defaultHandler;
      expect(await getRecommendedModel(client(), "fill-mask")).toBe("bert-base-uncased");
    });

    it("rejects with InferenceInputError for a task with no recommended model, or an unknown task", async () => {
      for (const task of ["image-to-3d", "no-such-task"]) {
        const error = await getRecommendedModel(client(), task).catch((caught: unknown) => caught);
        expect(InferenceInputError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain(`"${task}"`);
      }
    });

    it("rejects an empty task name before any request", async () => {
      const before = server.requests.length;
      await expect(getRecommendedModel(client(), "")).rejects.toSatisfy((error: unknown) =>
        InferenceInputError.isInstance(error),
      );
      expect(server.requests.length).toBe(before);
    });

    it("lets one caller's abort reject only that caller", async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      handler = async (request, response) => {
        await gate;
        return defaultHandler(request, response);
      };
      const controller = new AbortController();
      const aborted = getRecommendedModel(client(), "fill-mask", { signal: controller.signal });
      const other = getRecommendedModel(client(), "fill-mask");
      controller.abort(new Error("stop"));
      await expect(aborted).rejects.toThrow();
      release();
      expect(await other).toBe("bert-base-uncased");
    });

    it("rejects with InferenceAbortError when the caller's signal aborts", async () => {
      handler = async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return defaultHandler(request, response);
      };
      const controller = new AbortController();
      const pending = getRecommendedModel(client(), "fill-mask", { signal: controller.signal });
      controller.abort(new Error("stop"));
      const error = await pending.catch((caught: unknown) => caught);
      expect(InferenceAbortError.isInstance(error)).toBe(true);
      expect((error as InferenceAbortError).cause).toEqual(new Error("stop"));
    });

    it("bounds a caller's wait for a shared request by its client's timeout", async () => {
      // The shared request takes 8 s; a caller with a 50 ms timeout must not wait for it. The margin (5 s)
      // leaves room for a loaded machine and still fails if the timeout is ignored.
      handler = async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 8000));
        return defaultHandler(request, response);
      };
      const first = getRecommendedModel(client(), "fill-mask");
      const started = Date.now();
      const error = await getRecommendedModel(
        createClient({ hubEndpoint: server.url, token: false, timeout: 50 }),
        "fill-mask",
      ).catch((caught: unknown) => caught);
      expect(InferenceTimeoutError.isInstance(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await first).toBe("bert-base-uncased");
    }, 120_000);

    it("picks the recommended model for a task call without a model", async () => {
      handler = (request, response) =>
        request.method === "GET" ? defaultHandler(request, response) : sendJson(response, { url: request.url });
      const response = await client().post({ task: "fill-mask", json: { inputs: "[MASK]" } });
      expect(await response.json()).toEqual({ url: "/models/bert-base-uncased" });
    });
  });

  describe("getModelStatus", () => {
    it("GETs {endpoint}/status/{model} and returns the typed status", async () => {
      const status = await getModelStatus(client(), "gpt2");
      expect(server.requests.at(-1)!.url).toBe("/status/gpt2");
      expect(status).toEqual({
        loaded: true,
        state: "Loaded",
        compute_type: "gpu",
        framework: "text-generation-inference",
      });
    });

    it("falls back to the client's model", async () => {
      const status = await getModelStatus(createClient({ endpoint: server.url, token: false, model: "gpt2" }));
      expect(status.loaded).toBe(true);
    });

    it("rejects no model or an endpoint URL with InferenceInputError, before any request", async () => {
      const before = server.requests.length;
      await expect(getModelStatus(client())).rejects.toSatisfy((error: unknown) =>
        InferenceInputError.isInstance(error),
      );
      await expect(getModelStatus(client(), "http://127.0.0.1:1/model")).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "model",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      const error = await getModelStatus(client(), "broken").catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ ok: true });
    });

    it("rejects an unknown model with InferenceHTTPError", async () => {
      const error = await getModelStatus(client(), "nobody/nothing").catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error) && error.status).toBe(404);
    });
  });

  describe("listDeployedModels", () => {
    it("asks each main framework and groups the model ids by task, sorted and without duplicates", async () => {
      const before = server.requests.length;
      const models = await listDeployedModels(client());
      const urls = server.requests
        .slice(before)
        .map((request) => request.url)
        .sort();
      expect(urls).toEqual(MAIN_FRAMEWORKS.map((framework) => `/framework/${framework}`).sort());
      expect(models).toEqual({
        "text-generation": ["bigcode/starcoder", "gpt2"],
        "fill-mask": ["bert-base-uncased"],
        "feature-extraction": ["sentence-transformers/all-MiniLM-L6-v2"],
      });
    });

    it("asks only the frameworks given", async () => {
      const before = server.requests.length;
      expect(await listDeployedModels(client(), "timm")).toEqual({ "image-classification": ["timm/resnet50.a1_in1k"] });
      expect(await listDeployedModels(client(), ["diffusers"])).toEqual({});
      expect(server.requests.slice(before).map((request) => request.url)).toEqual([
        "/framework/timm",
        "/framework/diffusers",
      ]);
    });

    it('asks the Hub for every framework with "all"', async () => {
      const before = server.requests.length;
      const models = await listDeployedModels(client(), "all");
      const urls = server.requests.slice(before).map((request) => request.url);
      expect(urls[0]).toBe("/api/frameworks");
      expect(urls.slice(1).sort()).toEqual(["/framework/timm", "/framework/transformers"]);
      expect(models["image-classification"]).toEqual(["timm/resnet50.a1_in1k"]);
    });

    it("rejects a bad framework name with InferenceInputError before any request", async () => {
      const before = server.requests.length;
      for (const frameworks of ["", "../api", [42]] as unknown as string[]) {
        await expect(listDeployedModels(client(), frameworks)).rejects.toSatisfy((error: unknown) =>
          InferenceInputError.isInstance(error),
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError", async () => {
      handler = (_request, response) => sendJson(response, [{ id: "no model_id" }]);
      await expect(listDeployedModels(client(), "transformers")).rejects.toSatisfy((error: unknown) =>
        InferenceOutputError.isInstance(error),
      );
    });
  });
});
