/** Words and punctuation, lower-cased unless `keepCase`: the only tokenizer the stand-in models share. */
export function tokenize(text: string, { keepCase = false } = {}): string[] {
  return (keepCase ? text : text.toLowerCase()).match(/[a-zA-Z0-9]+(?:'[a-zA-Z]+)?|[.,!?;:]/g) ?? [];
}

/** Words only, without punctuation. */
export function words(text: string): string[] {
  return tokenize(text).filter((token) => /[a-z0-9]/.test(token));
}

/** Sentences, split after `.`, `!` or `?`. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** FNV-1a, 32 bits: a stable hash for the embeddings' buckets. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** A small seeded random generator (mulberry32), so sampling is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds for the wire, so answers stay short and stable. */
export function round(value: number, digits = 6): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
