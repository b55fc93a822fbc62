export { audioClassification } from "./audio-classification.js";
export type { AudioClassificationOptions, AudioClassificationOutput } from "./audio-classification.js";
