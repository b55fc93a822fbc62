import { describe, expect, it } from "vitest";
import { cosine, embed } from "./embeddings.js";
import { fillMask } from "./fill-mask.js";
import { generate } from "./generation.js";
import { classifySentiment } from "./sentiment.js";
import { summarize } from "./summarization.js";

describe("@infer/server models", () => {
  describe("classifySentiment", () => {
    it("scores positive and negative words, with negation and intensifiers", () => {
      expect(classifySentiment("I love it, it is great")[0]?.label).toBe("POSITIVE");
      expect(classifySentiment("This is terrible and slow")[0]?.label).toBe("NEGATIVE");
      expect(classifySentiment("This is not good")[0]?.label).toBe("NEGATIVE");
      const plain = classifySentiment("good")[0]!.score;
      expect(classifySentiment("very good")[0]!.score).toBeGreaterThan(plain);
    });

    it("is neutral, 0.5 each, without known words", () => {
      expect(classifySentiment("the table").map((label) => label.score)).toEqual([0.5, 0.5]);
    });
  });

  describe("fillMask", () => {
    it("fills [MASK] and <mask> from the corpus, deterministically", () => {
      expect(fillMask("Paris is the [MASK] of France.")?.[0]?.token_str).toBe("capital");
      expect(fillMask("The dog slept on the <mask> by the door.")?.[0]?.sequence).toBe("The dog slept on the mat by the door.");
      expect(fillMask("The cat sat on the [MASK].")).toEqual(fillMask("The cat sat on the [MASK]."));
      expect(fillMask("nothing to fill")).toBeUndefined();
    });
  });

  describe("embed", () => {
    it("is a unit vector that is closer for similar texts", () => {
      const happy = embed("That is a happy person");
      expect(Math.hypot(...happy)).toBeCloseTo(1, 4);
      expect(cosine(happy, embed("That is a happy dog"))).toBeGreaterThan(cosine(happy, embed("Today is a sunny day")));
    });
  });

  describe("generate", () => {
    it("continues a prompt greedily and the same way each time", () => {
      const first = generate("Once upon a time", { max_new_tokens: 12 });
      expect(first.text).toBe(" there was a little robot who lived in a quiet town by");
      expect(first.tokens).toHaveLength(12);
      expect(generate("Once upon a time", { max_new_tokens: 12 })).toEqual(first);
    });

    it("samples by seed with do_sample, and stops at a stop sequence", () => {
      const sampled = generate("The robot", { max_new_tokens: 20, do_sample: true, seed: 7 });
      expect(generate("The robot", { max_new_tokens: 20, do_sample: true, seed: 7 })).toEqual(sampled);
      expect(sampled.seed).toBe(7);
      const stopped = generate("Once upon a time", { max_new_tokens: 50, stop: ["robot"] });
      expect(stopped).toMatchObject({ text: " there was a little robot", finishReason: "stop_sequence" });
    });
  });

  describe("summarize", () => {
    it("keeps the most representative sentences in their order", () => {
      const text = "Cats sleep a lot. Cats like warm places and cats purr. The weather is cold. Dogs bark.";
      expect(summarize(text)).toBe("Cats sleep a lot. Cats like warm places and cats purr.");
    });
  });
});
