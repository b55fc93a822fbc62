export { tokenClassification } from "./token-classification.js";
export type {
  TokenClassificationEntity,
  TokenClassificationOptions,
  TokenClassificationParameters,
  TokenClassificationOutput,
} from "./token-classification.js";
