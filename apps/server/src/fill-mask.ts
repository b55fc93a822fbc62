import { followCount, ngrams } from "./ngrams.js";
import { round, tokenize } from "./text.js";

export const MASK_TOKENS = ["[MASK]", "<mask>"] as const;

export interface FillMaskCandidate {
  score: number;
  token: number;
  token_str: string;
  sequence: string;
}

/**
 * Fills the mask with the corpus's words that best fit between its neighbours: each candidate scores
 * (10 × count after the previous two words + count after the previous word + smoothing) × (count before
 * the next word + smoothing). Top five.
 * Returns undefined when the text holds no mask token.
 */
export function fillMask(text: string): FillMaskCandidate[] | undefined {
  const mask = MASK_TOKENS.find((token) => text.includes(token));
  if (mask === undefined) return undefined;
  const at = text.indexOf(mask);
  const before = tokenize(text.slice(0, at));
  const previous = before.at(-1);
  const twoBefore = before.length >= 2 ? before.slice(-2).join(" ") : undefined;
  const following = tokenize(text.slice(at + mask.length))[0];
  const model = ngrams();
  const scored = model.vocabulary
    .filter((token) => /[a-z0-9]/.test(token))
    .map((token) => {
      const frequency = (model.unigrams.get(token) ?? 0) / model.total;
      const left = previous === undefined ? frequency : 10 * followCount(model, twoBefore, token) + followCount(model, previous, token) + 0.1 * frequency;
      const right = following === undefined ? 1 : followCount(model, token, following) + 0.5;
      return { token, weight: left * right };
    })
    .sort((first, second) => second.weight - first.weight || (first.token < second.token ? -1 : 1));
  const total = scored.reduce((sum, candidate) => sum + candidate.weight, 0) || 1;
  return scored.slice(0, 5).map(({ token, weight }) => ({
    score: round(weight / total),
    token: model.ids.get(token) ?? 0,
    token_str: model.surface.get(token) ?? token,
    sequence: text.slice(0, at) + (model.surface.get(token) ?? token) + text.slice(at + mask.length),
  }));
}
