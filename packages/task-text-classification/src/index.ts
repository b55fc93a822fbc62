export { textClassification } from "./text-classification.js";
export type { TextClassificationOptions, TextClassificationOutput } from "./text-classification.js";
