export { sentenceSimilarity } from "./sentence-similarity.js";
export type { SentenceSimilarityOptions, SentenceSimilarityOutput } from "./sentence-similarity.js";
