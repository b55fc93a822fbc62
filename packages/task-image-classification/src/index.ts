export { imageClassification } from "./image-classification.js";
export type { ImageClassificationOptions, ImageClassificationOutput } from "./image-classification.js";
