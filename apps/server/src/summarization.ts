import { sentences, words } from "./text.js";

const STOPWORDS = new Set(
  "a an and are as at be but by for from has have he her his i in is it its of on or she that the their them they this to was were which who will with you".split(" "),
);

/**
 * An extractive summary: sentences scored by how frequent their content words are in the whole text,
 * the best kept in their original order, up to `max_length` words (default: a third of the sentences).
 */
export function summarize(text: string, maxLength?: number): string {
  const all = sentences(text);
  if (all.length <= 1) return text.trim();
  const frequency = new Map<string, number>();
  for (const word of words(text)) if (!STOPWORDS.has(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scored = all.map((sentence, index) => {
    const content = words(sentence).filter((word) => !STOPWORDS.has(word));
    const score = content.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.sqrt(content.length || 1);
    return { sentence, index, score, length: words(sentence).length };
  });
  const ranked = [...scored].sort((left, right) => right.score - left.score || left.index - right.index);
  const chosen: typeof scored = [];
  let length = 0;
  const budget = maxLength ?? Number.POSITIVE_INFINITY;
  const count = maxLength === undefined ? Math.max(1, Math.ceil(all.length / 3)) : all.length;
  for (const candidate of ranked) {
    if (chosen.length >= count) break;
    if (chosen.length > 0 && length + candidate.length > budget) continue;
    chosen.push(candidate);
    length += candidate.length;
  }
  return chosen
    .sort((left, right) => left.index - right.index)
    .map((candidate) => candidate.sentence)
    .join(" ");
}
