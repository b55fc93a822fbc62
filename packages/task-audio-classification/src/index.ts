export { audioClassification } from "./audio-classification.js";
export type {
  AudioClassificationOptions,
  AudioClassificationParameters,
  AudioClassificationOutput,
} from "./audio-classification.js";
