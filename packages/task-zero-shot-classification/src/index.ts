export { zeroShotClassification } from "./zero-shot-classification.js";
export type { ZeroShotClassificationOptions, ZeroShotClassificationOutput } from "./zero-shot-classification.js";
