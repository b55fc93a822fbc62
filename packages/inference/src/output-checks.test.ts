import { faults, startFaultServer, type FaultServer } from "@infer/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InferenceClient, InferenceError, allTasks } from "./index.js";

// Every task's output check, fed random JSON by a loopback server: a task either reads the answer or
// rejects with an InferenceError (InferenceOutputError, raw body attached); nothing else escapes.
const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const audio = new Uint8Array([0x66, 0x4c, 0x61, 0x43, 1, 2, 3]);
const table = { year: ["2020", "2021"], sales: ["1", "2"] };
const inputs: Record<string, unknown[]> = {
  audioClassification: [audio],
  automaticSpeechRecognition: [audio],
  textToSpeech: ["hello"],
  imageClassification: [image],
  imageSegmentation: [image],
  imageToImage: [image],
  imageToText: [image],
  objectDetection: [image],
  textToImage: ["an astronaut"],
  zeroShotImageClassification: [image, ["cat", "dog"]],
  documentQuestionAnswering: [image, "what is the total?"],
  visualQuestionAnswering: [image, "what is it?"],
  conversational: ["hello"],
  featureExtraction: ["hello"],
  fillMask: ["The goal of life is [MASK]."],
  questionAnswering: ["who?", "Alice did it."],
  sentenceSimilarity: ["a", ["b", "c"]],
  summarization: ["a long text"],
  tableQuestionAnswering: [table, "total sales?"],
  textClassification: ["great"],
  textGeneration: ["once upon a time"],
  tokenClassification: ["Alice lives in Paris"],
  translation: ["hello"],
  zeroShotClassification: ["a refund please", ["refund", "legal"]],
  tabularClassification: [table],
  tabularRegression: [table],
  chatCompletion: [{ messages: [{ role: "user", content: "hi" }] }],
};

let server: FaultServer;
let answer = "null";
beforeAll(async () => {
  server = await startFaultServer();
  const reply: Parameters<FaultServer["on"]>[1] = (_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
    response.end(answer);
  };
  server.on("m", reply);
  server.on("completions", reply);
  server.on("tasks", faults.json({}));
});
afterAll(() => server.close());

describe("every task's output check", () => {
  it("has inputs for every task", () => {
    expect(allTasks.map((task) => task.methodName).filter((name) => !(name in inputs))).toEqual([]);
  });

  it("random JSON never escapes as a non-Inference error", { timeout: 120_000 }, async () => {
    const client = new InferenceClient({
      endpoint: server.url,
      hubEndpoint: server.url,
      token: false,
      retry: false,
      model: "m",
    });
    const methods = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        answer = JSON.stringify(value) ?? "null";
        for (const task of allTasks) {
          const args = inputs[task.methodName] ?? [];
          const outcome = await (methods[task.methodName] as (...args: unknown[]) => Promise<unknown>)(...args).then(
            () => undefined,
            (error: unknown) => error,
          );
          if (outcome !== undefined)
            expect(InferenceError.isInstance(outcome), `${task.methodName} on ${answer}: ${String(outcome)}`).toBe(
              true,
            );
        }
      }),
      { numRuns: 15 },
    );
  });
});
