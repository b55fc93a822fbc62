import { sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allProviders, clearProviderMappings, InferenceClient } from "./index.js";

const NAMES = [
  "baseten",
  "black-forest-labs",
  "cerebras",
  "cohere",
  "deepinfra",
  "fal-ai",
  "featherless-ai",
  "fireworks-ai",
  "groq",
  "hyperbolic",
  "nebius",
  "novita",
  "nscale",
  "openai",
  "ovhcloud",
  "publicai",
  "replicate",
  "sambanova",
  "scaleway",
  "together",
  "wavespeed",
  "zai-org",
];

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());

describe("@infer/inference", () => {
  describe("InferenceClient providers", () => {
    it("registers every provider package", () => {
      expect([...new InferenceClient({ token: false }).providers].sort()).toEqual(NAMES);
      expect(allProviders).toHaveLength(22);
    });

    it("reaches a provider by name with the same task method", async () => {
      clearProviderMappings();
      standIn.mapping("meta-llama/Llama-3.1-8B-Instruct", {
        together: { providerId: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", task: "conversational" },
      });
      standIn.on("/v1/chat/completions", (_request, response) =>
        sendJson(response, { choices: [{ index: 0, message: { role: "assistant", content: "Paris" } }] }),
      );
      const client = new InferenceClient({
        token: "hf_test",
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        retry: false,
      });
      const output = await client.chatCompletion(
        { messages: [{ role: "user", content: "Capital of France?" }] },
        { model: "meta-llama/Llama-3.1-8B-Instruct", provider: "together" },
      );
      expect(output.choices[0]?.message.content).toBe("Paris");
      expect(standIn.last("/together/v1/chat/completions")!.json()).toMatchObject({
        model: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
      });
    });

    it('keeps a task no provider serves on hf-inference under "auto", with no mapping look-up', async () => {
      standIn.on("/models/distilbert/sst2", (_request, response) =>
        sendJson(response, [[{ label: "POSITIVE", score: 0.99 }]]),
      );
      const client = new InferenceClient({
        token: "hf_test",
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        retry: false,
      });
      expect((await client.textClassification("I like you", { model: "distilbert/sst2" }))[0]?.label).toBe("POSITIVE");
      expect(standIn.mappingRequests("distilbert/sst2")).toHaveLength(0);
    });
  });
});
