import { createRequire } from "node:module";
import { json, jsonObject, round, textInputs, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

/** Sentiment from wink-nlp's English "lite" web model (its per-document sentiment score, −1 to 1). */
export const sentiment: Backend = {
  id: "infer/wink-sentiment",
  task: "text-classification",
  packageName: "wink-nlp + wink-eng-lite-web-model",
  licence: "MIT",
  description:
    "wink-nlp's sentiment analysis with the wink-eng-lite-web-model English model: a document score from −1 to 1 (an AFINN/emoji/negation-aware lexicon model), mapped to POSITIVE/NEGATIVE probabilities.",
  framework: "wink-nlp",
  estimatedLoadSeconds: 1,
  async load() {
    const winkNLP = require("wink-nlp") as (model: unknown) => WinkNlp;
    const nlp = winkNLP(require("wink-eng-lite-web-model"));
    return async (body) => {
      const { texts } = textInputs(jsonObject(body));
      return json(
        texts.map((text) => {
          const score = nlp.readDoc(text).out(nlp.its.sentiment) as number;
          // A logistic squash of the score: 0 → 0.5, ±0.5 → about 0.95.
          const positive = 1 / (1 + Math.exp(-6 * score));
          const labels = [
            { label: "POSITIVE", score: round(positive) },
            { label: "NEGATIVE", score: round(1 - positive) },
          ];
          return labels.sort((left, right) => right.score - left.score);
        }),
      );
    };
  },
};

interface WinkNlp {
  readDoc(text: string): { out(its: unknown): unknown };
  its: { sentiment: unknown };
}

interface Match {
  text: string;
  offset: { start: number; length: number };
}

/** People, places and organisations from compromise's rule-based tagger. */
export const entities: Backend = {
  id: "infer/compromise-ner",
  task: "token-classification",
  packageName: "compromise",
  licence: "MIT",
  description:
    "compromise's rule-and-lexicon English tagger: its people(), places() and organizations() matches as PER, LOC and ORG entity groups (no probabilities: the score is 1 for every match).",
  framework: "compromise",
  estimatedLoadSeconds: 1,
  async load() {
    const nlp = require("compromise") as (
      text: string,
    ) => Record<"people" | "places" | "organizations", () => { json(options: unknown): Match[] }>;
    const find = (text: string) => {
      const document = nlp(text);
      const found: { entity_group: string; score: number; word: string; start: number; end: number }[] = [];
      for (const [group, method] of [
        ["PER", "people"],
        ["LOC", "places"],
        ["ORG", "organizations"],
      ] as const) {
        for (const match of document[method]().json({ offset: true })) {
          const start = match.offset.start;
          const word = text.slice(start, start + match.offset.length).replace(/[\s.,;:!?'")]+$/, "");
          if (word.length === 0) continue;
          found.push({ entity_group: group, score: 1, word, start, end: start + word.length });
        }
      }
      return found.sort((left, right) => left.start - right.start);
    };
    return async (body) => {
      const { texts, single } = textInputs(jsonObject(body));
      return json(single ? find(texts[0]!) : texts.map(find));
    };
  },
};
