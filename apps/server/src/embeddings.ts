import { hash, round, words } from "./text.js";

/** The embeddings' size. */
export const DIMENSIONS = 64;

/**
 * A hashed bag-of-words embedding: each word (and each pair of neighbouring words, at half weight) adds
 * ±1 to a bucket chosen by its hash; the vector is then L2-normalised. Similar texts share buckets.
 */
export function embed(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  const tokens = words(text);
  const add = (feature: string, weight: number) => {
    const value = hash(feature);
    vector[value % DIMENSIONS]! += (value & 0x10000 ? -1 : 1) * weight;
  };
  tokens.forEach((token, index) => {
    add(token, 1);
    if (index > 0) add(`${tokens[index - 1]} ${token}`, 0.5);
  });
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => round(value / norm));
}

/** Cosine similarity of two normalised vectors. */
export function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  for (let index = 0; index < left.length; index++) dot += left[index]! * (right[index] ?? 0);
  return round(dot);
}
