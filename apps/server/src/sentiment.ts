import { round, words } from "./text.js";

const LEXICON: Record<string, number> = {
  love: 3, loved: 3, wonderful: 3, excellent: 3, amazing: 3, fantastic: 3, great: 2.5, best: 2.5,
  good: 2, happy: 2, like: 1.5, liked: 1.5, nice: 1.5, fine: 1, fast: 1, easy: 1, kind: 1.5, beautiful: 2.5,
  enjoy: 2, enjoyed: 2, helpful: 2, recommend: 2, perfect: 3, glad: 2, thanks: 1.5, thank: 1.5,
  hate: -3, hated: -3, terrible: -3, awful: -3, horrible: -3, worst: -3, bad: -2.5, poor: -2, sad: -2,
  slow: -1.5, broken: -2, boring: -2, ugly: -2, angry: -2, disappointed: -2.5, disappointing: -2.5,
  wrong: -1.5, problem: -1.5, fail: -2, failed: -2, refund: -1, annoying: -2, useless: -2.5,
};
const NEGATIONS = new Set(["not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", "nothing"]);
const INTENSIFIERS: Record<string, number> = { very: 1.5, really: 1.5, so: 1.3, extremely: 2, quite: 1.2 };

/**
 * A lexicon sentiment scorer: word weights, negation flipping the next three words, intensifiers
 * scaling the next one, squashed to a probability. Answers `[{label, score}]`, best first.
 */
export function classifySentiment(text: string): { label: string; score: number }[] {
  let total = 0;
  let negatedFor = 0;
  let scale = 1;
  for (const word of words(text)) {
    const weight = LEXICON[word];
    if (NEGATIONS.has(word)) {
      negatedFor = 3;
      continue;
    }
    const intensity = INTENSIFIERS[word];
    if (intensity !== undefined) {
      scale = intensity;
      continue;
    }
    if (weight !== undefined) total += weight * scale * (negatedFor > 0 ? -0.8 : 1);
    scale = 1;
    if (negatedFor > 0) negatedFor--;
  }
  const positive = 1 / (1 + Math.exp(-0.6 * total));
  const labels = [
    { label: "POSITIVE", score: round(positive) },
    { label: "NEGATIVE", score: round(1 - positive) },
  ];
  return labels.sort((left, right) => right.score - left.score);
}
