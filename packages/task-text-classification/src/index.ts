export { textClassification } from "./text-classification.js";
export type {
  TextClassificationOptions,
  TextClassificationParameters,
  TextClassificationOutput,
} from "./text-classification.js";
