export { zeroShotImageClassification } from "./zero-shot-image-classification.js";
export type {
  ZeroShotImageClassificationOptions,
  ZeroShotImageClassificationOutput,
  ZeroShotImageClassificationParameters,
} from "./zero-shot-image-classification.js";
