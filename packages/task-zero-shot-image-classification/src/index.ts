export { zeroShotImageClassification } from "./zero-shot-image-classification.js";
export type {
  ZeroShotImageClassificationOptions,
  ZeroShotImageClassificationOutput,
} from "./zero-shot-image-classification.js";
