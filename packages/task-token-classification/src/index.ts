export { tokenClassification } from "./token-classification.js";
export type { TokenClassificationEntity, TokenClassificationOptions, TokenClassificationOutput } from "./token-classification.js";
