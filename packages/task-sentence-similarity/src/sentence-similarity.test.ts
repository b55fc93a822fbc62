import { createClient, InferenceInputError, InferenceOutputError, type PipelineLayout } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { sentenceSimilarity } from "./index.js";

const model = "sentence-transformers/paraphrase-xlm-r-multilingual-v1";
const recorded = tapeJson(`/models/${model}`, "source_sentence");
const { source_sentence: sentence, sentences } = (
  JSON.parse(recorded.tape.init.body!) as { inputs: { source_sentence: string; sentences: string[] } }
).inputs;
const server = useTaskServer({ json: recorded.body });

const client = (pipelineLayout?: PipelineLayout) =>
  createClient({ ...server.clientOptions(), ...(pipelineLayout ? { pipelineLayout } : {}) });

describe("@infer/task-sentence-similarity", () => {
  describe("sentenceSimilarity", () => {
    it("sends {inputs: {source_sentence, sentences}} to the legacy pipeline route by default on a custom endpoint and returns the recorded scores", async () => {
      const scores = await sentenceSimilarity(client(), sentence, sentences, { model });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/pipeline/sentence-similarity/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ inputs: { source_sentence: "That is a happy person", sentences } });
      expect(scores).toEqual(recorded.body);
      expect(scores).toHaveLength(sentences.length);
      expect(scores.indexOf(Math.max(...scores))).toBe(sentences.indexOf("That is a very happy person"));
    });

    it("sends to /models/{model}/pipeline/sentence-similarity with the router layout", async () => {
      await sentenceSimilarity(client("router"), sentence, sentences, { model });
      expect(server.last().url).toBe(`/models/${model}/pipeline/sentence-similarity`);
    });

    it("sends to /pipeline/sentence-similarity/{model} with the legacy layout given explicitly", async () => {
      await sentenceSimilarity(client("legacy"), sentence, sentences, { model });
      expect(server.last().url).toBe(`/pipeline/sentence-similarity/${model}`);
    });

    it("uses a model URL as is", async () => {
      await sentenceSimilarity(client("router"), sentence, sentences, { model: `${server.url}/similarity` });
      expect(server.last().url).toBe("/similarity");
    });

    it("is a method after client.with(sentenceSimilarity)", async () => {
      server.answerNext({ json: [0.25] });
      const scores = await client().with(sentenceSimilarity).sentenceSimilarity("a", ["b"], { model: "m" });
      expect(scores).toEqual([0.25]);
      expect(sentenceSimilarity.taskName).toBe("sentence-similarity");
      expect(sentenceSimilarity.methodName).toBe("sentenceSimilarity");
    });

    it("rejects a missing sentence or other sentences before any request, naming the argument", async () => {
      const before = server.requests.length;
      const cases: [unknown, unknown, string][] = [
        [undefined, sentences, "sentence"],
        [sentence, "That is a happy dog", "otherSentences"],
        [sentence, [], "otherSentences"],
        [sentence, ["That is a happy dog", 2], "otherSentences"],
      ];
      for (const [source, others, argument] of cases) {
        await expect(sentenceSimilarity(client(), source as string, others as string[], { model })).rejects.toSatisfy(
          (error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument,
        );
      }
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [[0.66, 0.93, 0.22]] });
      const error = await sentenceSimilarity(client(), sentence, sentences, { model }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([[0.66, 0.93, 0.22]]);
    });
  });
});
