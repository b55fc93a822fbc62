import { sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearProviderMappings, createClient, InferenceHTTPError, InferenceInputError } from "../index.js";
import { defineProvider, openAiChat, readMapping } from "../task-kit-entry.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
  standIn.on("/v1/chat/completions", (_request, response) =>
    sendJson(response, { choices: [{ index: 0, message: { role: "assistant", content: "hi" } }] }),
  );
  standIn.on("/v1/images/generations", (_request, response) =>
    sendJson(response, { data: [{ b64_json: "iVBORw0KGgo=" }] }),
  );
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const imageAdapter = {
  request: (input: { providerId: string; json: Record<string, unknown> | undefined }) => ({
    path: "/v1/images/generations",
    body: { model: input.providerId, prompt: input.json?.["inputs"] },
  }),
  answer: async (body: unknown) => body,
};
const alpha = defineProvider({
  providerName: "alpha",
  baseUrl: "https://api.alpha.test",
  tasks: { "text-to-image": imageAdapter, "chat-completion": openAiChat("/v1/chat/completions") },
});
const beta = defineProvider({
  providerName: "beta",
  baseUrl: "https://api.beta.test",
  tasks: { "text-to-image": imageAdapter },
});

const client = (options: Record<string, unknown> = {}) =>
  createClient({
    token: "hf_test",
    routerEndpoint: standIn.url,
    hubEndpoint: standIn.url,
    retry: false,
    ...options,
  }).with(alpha, beta);
const image = (model: string, options: Record<string, unknown> = {}) =>
  client().post({ task: "text-to-image", json: { inputs: "a cat" }, model }, options);
const inferenceRequests = () => standIn.server.requests.filter((request) => !request.url.startsWith("/api/"));

describe("@infer/core", () => {
  describe("providers", () => {
    it('"auto" picks the first live entry served by a provider this client has', async () => {
      standIn.mapping("org/auto", {
        gamma: { providerId: "g/1", task: "text-to-image" },
        alpha: { providerId: "a/1", task: "text-to-image", status: "staging" },
        beta: { providerId: "b/1", task: "text-to-image" },
        "hf-inference": { providerId: "org/auto", task: "text-to-image" },
      });
      const response = await image("org/auto");
      expect(await response.json()).toEqual({ data: [{ b64_json: "iVBORw0KGgo=" }] });
      const request = standIn.last("/beta/v1/images/generations")!;
      expect(request.json()).toEqual({ model: "b/1", prompt: "a cat" });
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
    });

    it('"auto" sends the call to hf-inference on the router when it comes first, with the Hub id', async () => {
      standIn.on("/models/org/hf-first", (_request, response) => sendJson(response, { ok: true }));
      standIn.mapping("org/hf-first", {
        "hf-inference": { providerId: "org/hf-first", task: "text-to-image" },
        beta: { providerId: "b/2", task: "text-to-image" },
      });
      await image("org/hf-first");
      expect(standIn.last("/hf-inference/models/org/hf-first")?.method).toBe("POST");
    });

    it("fetches a model's mapping once for concurrent calls", async () => {
      standIn.mapping("org/shared", { alpha: { providerId: "a/shared", task: "text-to-image" } });
      await Promise.all(Array.from({ length: 8 }, () => image("org/shared", { provider: "alpha" })));
      expect(standIn.mappingRequests("org/shared")).toHaveLength(1);
      await image("org/shared", { provider: "alpha" });
      expect(standIn.mappingRequests("org/shared")).toHaveLength(1);
    });

    it("does not cache a failed look-up", async () => {
      standIn.mapping("org/flaky", "fail");
      await expect(image("org/flaky", { provider: "alpha" })).rejects.toBeInstanceOf(InferenceHTTPError);
      standIn.mapping("org/flaky", { alpha: { providerId: "a/flaky", task: "text-to-image" } });
      await image("org/flaky", { provider: "alpha" });
      expect(standIn.mappingRequests("org/flaky")).toHaveLength(2);
      expect(standIn.last("/alpha/")?.json()).toMatchObject({ model: "a/flaky" });
    });

    it("warns once for a staging mapping", async () => {
      standIn.mapping("org/staging", { alpha: { providerId: "a/s", task: "text-to-image", status: "staging" } });
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        await image("org/staging", { provider: "alpha" });
        await image("org/staging", { provider: "alpha" });
        expect(warn.mock.calls.filter(([message]) => String(message).includes("org/staging"))).toHaveLength(1);
      } finally {
        warn.mockRestore();
      }
    });

    it("rejects a mapping whose task differs, naming provider, model and task, before any inference request", async () => {
      standIn.mapping("org/llm", { alpha: { providerId: "a/llm", task: "text-generation" } });
      const before = inferenceRequests().length;
      const error = await image("org/llm", { provider: "alpha" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "alpha", model "org/llm", task "text-to-image"');
      expect(inferenceRequests().length).toBe(before);
    });

    it("rejects a named provider the client lacks, before any request", async () => {
      const before = standIn.server.requests.length;
      const error = await image("org/any", { provider: "together" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "together", model "org/any", task "text-to-image"');
      expect(standIn.server.requests.length).toBe(before);
    });

    it("rejects a task the named provider does not serve, naming provider, model and task, before any request", async () => {
      const before = standIn.server.requests.length;
      const error = await client()
        .post({ task: "chat-completion", json: { messages: [] }, model: "org/any" }, { provider: "beta" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "beta", model "org/any", task "chat-completion"');
      expect(standIn.server.requests.length).toBe(before);
    });

    it("rejects a named provider absent from the model's mapping after the look-up, before any inference request", async () => {
      standIn.mapping("org/beta-only", { beta: { providerId: "b/only", task: "text-to-image" } });
      const before = inferenceRequests().length;
      const error = await image("org/beta-only", { provider: "alpha" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "alpha", model "org/beta-only", task "text-to-image"');
      expect(standIn.mappingRequests("org/beta-only")).toHaveLength(1);
      expect(inferenceRequests().length).toBe(before);
    });

    it("rejects a `:fastest` policy for a task other than chat, before any request", async () => {
      const before = standIn.server.requests.length;
      await expect(image("org/any:fastest")).rejects.toBeInstanceOf(InferenceInputError);
      expect(standIn.server.requests.length).toBe(before);
    });

    it('skips hf-inference under "auto" with a provider\'s own key', async () => {
      standIn.mapping("org/keyed", {
        "hf-inference": { providerId: "org/keyed", task: "text-to-image" },
        alpha: { providerId: "a/k", task: "text-to-image" },
      });
      const keyed = createClient({
        token: "alpha-key",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(alpha.baseUrl),
      }).with(alpha);
      await keyed.post({ task: "text-to-image", json: { inputs: "x" }, model: "org/keyed" });
      expect(standIn.server.requests.at(-1)?.url).toBe("/direct/v1/images/generations");
      expect(standIn.server.requests.at(-1)?.headers["authorization"]).toBe("Bearer alpha-key");
    });

    it('rejects "auto" when no live entry is served here, listing what the Hub has', async () => {
      standIn.mapping("org/unserved", { gamma: { providerId: "g", task: "text-to-image" } });
      const error = await image("org/unserved").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain("gamma");
    });

    it("adds X-HF-Bill-To through the router, never straight to a provider", async () => {
      standIn.mapping("org/billed", { alpha: { providerId: "a/b", task: "text-to-image" } });
      await client({ billTo: "my-org" }).post(
        { task: "text-to-image", json: { inputs: "x" }, model: "org/billed" },
        { provider: "alpha" },
      );
      expect(standIn.last("/alpha/")?.headers["x-hf-bill-to"]).toBe("my-org");
      const direct = createClient({
        token: "alpha-key",
        billTo: "my-org",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(alpha.baseUrl),
      }).with(alpha);
      await direct.post({ task: "text-to-image", json: { inputs: "x" }, model: "org/billed" }, { provider: "alpha" });
      expect(standIn.last("/direct/")?.headers["x-hf-bill-to"]).toBeUndefined();
      expect(standIn.last("/direct/")?.headers["authorization"]).toBe("Bearer alpha-key");
    });

    it("takes a `:provider` suffix on the model for a task other than chat", async () => {
      standIn.mapping("org/suffixed", { beta: { providerId: "b/s", task: "text-to-image" } });
      await image("org/suffixed:beta");
      expect(standIn.last("/beta/")?.json()).toMatchObject({ model: "b/s" });
    });
  });

  describe("chat through the router", () => {
    const chat = (model: string, options: Record<string, unknown> = {}, clientOptions: Record<string, unknown> = {}) =>
      client(clientOptions).post(
        {
          task: "text-generation",
          providerTask: "chat-completion",
          path: "/v1/chat/completions",
          json: { model: "tgi", messages: [] },
          model,
        },
        options,
      );

    it('lets the router choose for "auto": {router}/v1/chat/completions with the Hub id as model, no look-up', async () => {
      await chat("meta-llama/Llama-3.1-8B-Instruct", {}, { billTo: "my-org" });
      const request = standIn.last("/v1/chat/completions")!;
      expect(request.json()).toEqual({ model: "meta-llama/Llama-3.1-8B-Instruct", messages: [] });
      expect(request.headers["x-hf-bill-to"]).toBe("my-org");
      expect(standIn.mappingRequests("meta-llama/Llama-3.1-8B-Instruct")).toHaveLength(0);
    });

    it("passes a `:fastest`, `:cheapest` or `:provider` suffix to the router as is", async () => {
      for (const model of ["org/m:fastest", "org/m:cheapest", "org/m:together"]) {
        await chat(model, { provider: "alpha" });
        expect(standIn.last("/v1/chat/completions")!.json()).toMatchObject({ model });
      }
    });

    it("keeps a provider's own key from the router's choice, with or without providers registered", async () => {
      const before = standIn.server.requests.length;
      const bare = createClient({
        token: "sk-provider",
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        retry: false,
      });
      const request = {
        task: "text-generation",
        providerTask: "chat-completion",
        path: "/v1/chat/completions",
        json: { messages: [] },
        model: "org/m",
      };
      await expect(bare.post(request)).rejects.toBeInstanceOf(InferenceInputError);
      await expect(bare.with(alpha).post(request)).rejects.toBeInstanceOf(InferenceInputError);
      expect(standIn.server.requests.length).toBe(before);
    });

    it("sends chat to the router's choice from a client without any provider", async () => {
      const bare = createClient({
        token: "hf_test",
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        retry: false,
      });
      await bare.post({
        task: "text-generation",
        providerTask: "chat-completion",
        path: "/v1/chat/completions",
        json: { model: "tgi", messages: [] },
        model: "org/bare",
      });
      const sent = standIn.server.requests.at(-1)!;
      expect(sent.url).toBe("/v1/chat/completions");
      expect(sent.json()).toEqual({ model: "org/bare", messages: [] });
      expect(sent.headers["authorization"]).toBe("Bearer hf_test");
    });

    it("sends a named provider's chat to {router}/{provider}/… with its own id", async () => {
      standIn.mapping("org/chat", { alpha: { providerId: "a/chat", task: "conversational" } });
      await chat("org/chat", { provider: "alpha" });
      expect(standIn.last("/alpha/v1/chat/completions")!.json()).toEqual({ model: "a/chat", messages: [] });
    });
  });

  describe("the default provider", () => {
    it("is hf-inference when `endpoint` is set: the endpoint as today, no mapping look-up", async () => {
      standIn.on("/models/org/classic", (_request, response) => sendJson(response, { ok: true }));
      const withEndpoint = createClient({
        endpoint: standIn.url,
        hubEndpoint: standIn.url,
        token: "hf_test",
        retry: false,
      }).with(alpha);
      await withEndpoint.post({ task: "text-to-image", json: { inputs: "x" }, model: "org/classic" });
      expect(standIn.server.requests.at(-1)?.url).toBe("/models/org/classic");
      expect(standIn.mappingRequests("org/classic")).toHaveLength(0);
    });

    it('is "auto", which without any provider registered is hf-inference on the router with no look-up', async () => {
      standIn.on("/models/org/plain", (_request, response) => sendJson(response, { ok: true }));
      const plain = createClient({
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        token: "hf_test",
        retry: false,
      });
      await plain.post({ task: "text-to-image", json: { inputs: "x" }, model: "org/plain" });
      expect(standIn.server.requests.at(-1)?.url).toBe("/hf-inference/models/org/plain");
      expect(standIn.mappingRequests("org/plain")).toHaveLength(0);
    });
  });

  describe("readMapping", () => {
    it("reads the object shape and the list shape", () => {
      const entry = { provider: "alpha", providerId: "a/1", status: "live", task: "text-to-image" };
      expect(
        readMapping({
          inferenceProviderMapping: { alpha: { providerId: "a/1", status: "live", task: "text-to-image" } },
        }),
      ).toEqual([entry]);
      expect(readMapping({ inferenceProviderMapping: [entry] })).toEqual([entry]);
      expect(readMapping({ id: "x" })).toEqual([]);
    });
  });
});
