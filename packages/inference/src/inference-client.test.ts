import { sendJson, startServer, tapeJson, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createClient, InferenceClient, allTasks } from "./index.js";

const DESIGN_METHODS = [
  "audioClassification",
  "automaticSpeechRecognition",
  "textToSpeech",
  "imageClassification",
  "imageSegmentation",
  "imageToImage",
  "imageToText",
  "objectDetection",
  "textToImage",
  "zeroShotImageClassification",
  "documentQuestionAnswering",
  "visualQuestionAnswering",
  "conversational",
  "featureExtraction",
  "fillMask",
  "questionAnswering",
  "sentenceSimilarity",
  "summarization",
  "tableQuestionAnswering",
  "textClassification",
  "textGeneration",
  "tokenClassification",
  "translation",
  "zeroShotClassification",
  "tabularClassification",
  "tabularRegression",
  "chatCompletion",
] as const;

let server: TestServer;
beforeAll(async () => {
  const recorded = tapeJson("distilbert-base-uncased-finetuned-sst-2-english").body;
  server = await startServer((request, response) => {
    if (request.url.startsWith("/models/sst2")) return sendJson(response, recorded);
    if (request.url === "/status/gpt2")
      return sendJson(response, { loaded: true, state: "Loaded", compute_type: "cpu", framework: "transformers" });
    if (request.url.startsWith("/framework/"))
      return sendJson(response, [{ model_id: "gpt2", task: "text-generation" }]);
    return sendJson(response, [{ summary_text: "short" }]);
  });
});
afterAll(() => server.close());

describe("@infer/inference", () => {
  describe("InferenceClient", () => {
    it("has a method for each of the 26 tasks and chat completion", () => {
      const client = new InferenceClient({ token: false });
      for (const method of DESIGN_METHODS) expect(typeof client[method], method).toBe("function");
      expect(allTasks.map((task) => task.methodName).sort()).toEqual([...DESIGN_METHODS].sort());
    });

    it("types every method", () => {
      expectTypeOf<InferenceClient["textClassification"]>().toBeFunction();
      expectTypeOf<ReturnType<InferenceClient["summarization"]>>().toEqualTypeOf<Promise<string>>();
      expectTypeOf<InferenceClient["post"]>().toBeFunction();
    });

    it("calls a task through its method against the client's endpoint", async () => {
      const client = new InferenceClient({ endpoint: server.url, token: false });
      const labels = await client.textClassification("I like you.", { model: "sst2" });
      expect(labels[0]?.label).toBe("POSITIVE");
      expect(await client.summarization("long text", { model: "bart" })).toBe("short");
      expect(server.requests.at(-1)?.json()).toEqual({ inputs: "long text" });
    });

    it("keeps every task method after with() adds another", () => {
      const client = new InferenceClient({ token: false }).with(allTasks[0]);
      expect(typeof client.textGeneration).toBe("function");
      expect(client).toBeInstanceOf(InferenceClient);
    });

    it("has the Hub helpers as methods", async () => {
      const client = new InferenceClient({ endpoint: server.url, token: false });
      expect(await client.getModelStatus("gpt2")).toMatchObject({ loaded: true, state: "Loaded" });
      expect(await client.listDeployedModels("transformers")).toEqual({ "text-generation": ["gpt2"] });
      expect(server.requests.at(-1)?.url).toBe("/framework/transformers");
    });

    it("re-exports core, so one import serves", () => {
      expect(typeof createClient).toBe("function");
    });
  });
});
