export { imageClassification } from "./image-classification.js";
export type {
  ImageClassificationOptions,
  ImageClassificationParameters,
  ImageClassificationOutput,
} from "./image-classification.js";
