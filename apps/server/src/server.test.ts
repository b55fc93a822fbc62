import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIMENSIONS, startServer, type RunningServer } from "./index.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const postJson = async (path: string, body: unknown) => {
  const response = await post(path, body);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("@infer/server", () => {
  describe("startServer", () => {
    it("listens on 127.0.0.1 on a free port", () => {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("answers text-classification as [[{label, score}]] on /models/{id}", async () => {
      const { status, body } = await postJson("/models/infer/lexicon-sentiment", { inputs: "I love this wonderful library." });
      expect(status).toBe(200);
      const [labels] = body as { label: string; score: number }[][];
      expect(labels?.map((label) => label.label)).toEqual(["POSITIVE", "NEGATIVE"]);
      expect(labels![0]!.score + labels![1]!.score).toBeCloseTo(1);
    });

    it("answers fill-mask with five candidates, best first", async () => {
      const { body } = await postJson("/models/infer/ngram-fill-mask", { inputs: "The cat sat on the [MASK]." });
      const candidates = body as { token_str: string; sequence: string; score: number; token: number }[];
      expect(candidates).toHaveLength(5);
      expect(candidates[0]).toMatchObject({ token_str: "mat", sequence: "The cat sat on the mat." });
      expect(typeof candidates[0]!.token).toBe("number");
    });

    it("rejects a fill-mask input without a mask with 400 {error}", async () => {
      expect(await postJson("/models/infer/ngram-fill-mask", { inputs: "no mask here" })).toEqual({
        status: 400,
        body: { error: "No mask_token ([MASK]) found on the input" },
      });
    });

    it("serves feature-extraction on both pipeline layouts, one vector per text", async () => {
      const legacy = await postJson("/pipeline/feature-extraction/infer/hashed-embeddings", { inputs: "That is a happy person" });
      const router = await postJson("/models/infer/hashed-embeddings/pipeline/feature-extraction", { inputs: "That is a happy person" });
      expect(legacy.body).toEqual(router.body);
      expect((legacy.body as number[]).length).toBe(DIMENSIONS);
      const batch = await postJson("/models/infer/hashed-embeddings", { inputs: ["a", "b"] });
      expect((batch.body as number[][]).map((vector) => vector.length)).toEqual([DIMENSIONS, DIMENSIONS]);
    });

    it("serves sentence-similarity on the embeddings model's pipeline route", async () => {
      const { body } = await postJson("/pipeline/sentence-similarity/infer/hashed-embeddings", {
        inputs: { source_sentence: "That is a happy person", sentences: ["That is a happy dog", "Today is a sunny day", "That is a happy person"] },
      });
      const scores = body as number[];
      expect(scores[2]).toBeCloseTo(1);
      expect(scores[0]).toBeGreaterThan(scores[1]!);
    });

    it("answers summarization as [{summary_text}]", async () => {
      const text = "The tower is 324 metres tall. Its base is square. The tower was the tallest structure in the world.";
      const { body } = await postJson("/models/infer/extractive-summarizer", { inputs: text, parameters: { max_length: 12 } });
      expect(body).toEqual([{ summary_text: expect.stringContaining("tower") }]);
    });

    it("answers text-generation as [{generated_text, details}] with details", async () => {
      const { body } = await postJson("/models/infer/markov-generator", {
        inputs: "Once upon a time",
        parameters: { max_new_tokens: 6, details: true },
      });
      const [answer] = body as { generated_text: string; details: { finish_reason: string; generated_tokens: number; tokens: unknown[] } }[];
      expect(answer!.generated_text).toBe(" there was a little robot who");
      expect(answer!.details).toMatchObject({ finish_reason: "length", generated_tokens: 6 });
      expect(answer!.details.tokens).toHaveLength(6);
    });

    it("streams text-generation as Server-Sent Events, the last one with generated_text and details", async () => {
      const response = await post("/models/infer/markov-generator", { inputs: "Once upon a time", parameters: { max_new_tokens: 4 }, stream: true });
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      const events = (await response.text())
        .split("\n\n")
        .filter((block) => block.startsWith("data:"))
        .map((block) => JSON.parse(block.slice("data:".length)) as { token: { text: string }; generated_text: string | null; details: unknown });
      expect(events.map((event) => event.token.text)).toEqual([" there", " was", " a", " little"]);
      expect(events.slice(0, -1).every((event) => event.generated_text === null && event.details === null)).toBe(true);
      expect(events.at(-1)).toMatchObject({ generated_text: " there was a little", details: { finish_reason: "length", generated_tokens: 4 } });
    });

    it("rejects bad generation parameters with 422 and a validation error_type", async () => {
      expect(await postJson("/models/infer/markov-generator", { inputs: "x", parameters: { max_new_tokens: 0 } })).toMatchObject({
        status: 422,
        body: { error_type: "validation" },
      });
    });

    it("answers an unknown model with 404, a task the model does not serve with 400, and a non-JSON body with 400", async () => {
      expect((await postJson("/models/nobody/nothing", { inputs: "x" })).status).toBe(404);
      expect((await postJson("/pipeline/fill-mask/infer/lexicon-sentiment", { inputs: "x" })).status).toBe(400);
      const response = await fetch(`${server.url}/models/infer/lexicon-sentiment`, { method: "POST", body: "not json" });
      expect(response.status).toBe(400);
    });

    it("answers the Hub's look-ups: /api/tasks, /api/models/{id} and /status/{id}", async () => {
      const tasks = (await (await fetch(`${server.url}/api/tasks`)).json()) as Record<string, { widgetModels: string[] }>;
      expect(tasks["fill-mask"]?.widgetModels).toEqual(["infer/ngram-fill-mask"]);
      expect(await (await fetch(`${server.url}/api/models/infer/markov-generator?expand[]=pipeline_tag`)).json()).toEqual({
        id: "infer/markov-generator",
        pipeline_tag: "text-generation",
      });
      expect(await (await fetch(`${server.url}/status/infer/lexicon-sentiment`)).json()).toMatchObject({ loaded: true, state: "Loaded" });
      expect((await fetch(`${server.url}/api/models/nobody/nothing`)).status).toBe(404);
    });
  });
});
