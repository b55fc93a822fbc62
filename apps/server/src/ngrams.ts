import { CORPUS } from "./corpus.js";
import { tokenize } from "./text.js";

/** Counts of the corpus: each token, and each token's successors after one and after two tokens. */
export interface Ngrams {
  vocabulary: string[];
  ids: Map<string, number>;
  unigrams: Map<string, number>;
  /** Successor counts by previous token ("the") and by previous two tokens ("on the"), in corpus order. */
  next: Map<string, Map<string, number>>;
  /** How a token is written inside a sentence: "Paris", "the". */
  surface: Map<string, string>;
  total: number;
}

let cached: Ngrams | undefined;

/** The corpus's counts, computed once. Sentence ends (".") are tokens, so generation ends sentences. */
export function ngrams(): Ngrams {
  if (cached) return cached;
  const tokens = tokenize(CORPUS);
  const written = tokenize(CORPUS, { keepCase: true });
  const surface = new Map<string, string>();
  written.forEach((token, index) => {
    if (index > 0 && written[index - 1] !== ".") surface.set(token.toLowerCase(), token);
  });
  const unigrams = new Map<string, number>();
  const next = new Map<string, Map<string, number>>();
  const count = (context: string, token: string) => {
    const counts = next.get(context) ?? new Map<string, number>();
    counts.set(token, (counts.get(token) ?? 0) + 1);
    next.set(context, counts);
  };
  tokens.forEach((token, index) => {
    unigrams.set(token, (unigrams.get(token) ?? 0) + 1);
    const previous = tokens[index - 1];
    if (previous !== undefined) count(previous, token);
    if (index > 1) count(`${tokens[index - 2]} ${previous}`, token);
  });
  const vocabulary = [...unigrams.keys()].sort();
  cached = {
    vocabulary,
    ids: new Map(vocabulary.map((token, index) => [token, index + 1000])),
    unigrams,
    next,
    surface,
    total: tokens.length,
  };
  return cached;
}

/** How often `token` follows `context` (one token, or two joined by a space) in the corpus. */
export function followCount(model: Ngrams, context: string | undefined, token: string): number {
  return context === undefined ? 0 : (model.next.get(context)?.get(token) ?? 0);
}
