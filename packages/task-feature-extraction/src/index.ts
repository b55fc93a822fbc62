export { featureExtraction } from "./feature-extraction.js";
export type {
  FeatureExtractionOptions,
  FeatureExtractionOutput,
  FeatureExtractionParameters,
} from "./feature-extraction.js";
