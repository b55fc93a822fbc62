export { featureExtraction } from "./feature-extraction.js";
export type { FeatureExtractionOptions, FeatureExtractionOutput } from "./feature-extraction.js";
