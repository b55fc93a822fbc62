export { textGeneration } from "./text-generation.js";
export type { TextGenerationFunction, TextGenerationMethod, TextGenerationResult } from "./text-generation.js";
export type {
  TextGenerationGrammar,
  TextGenerationOptions,
  TextGenerationParameters,
} from "./text-generation-options.js";
export type {
  TextGenerationBestOfSequence,
  TextGenerationDetails,
  TextGenerationFinishReason,
  TextGenerationOutput,
  TextGenerationPrefillToken,
  TextGenerationStreamDetails,
  TextGenerationStreamEvent,
  TextGenerationToken,
} from "./text-generation-output.js";
