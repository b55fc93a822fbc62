export { InferenceClient, allTasks, allProviders } from "./inference-client.js";
// Core's whole user API. The one star export in an index file, on purpose: core's Node and browser entries differ
// (createUndiciTransport and saveBlob are Node-only), and a named list would fail to resolve under one of them.
export * from "@infer/core";

// Every task's public types, by name, so `import type { FillMaskOutput } from "@infer/inference"` works without
// installing the task package beside it. `pnpm new-task` adds a line here for a new task.
export type {
  AudioClassificationOptions,
  AudioClassificationOutput,
  AudioClassificationParameters,
} from "@infer/task-audio-classification";
export type {
  AutomaticSpeechRecognitionOptions,
  AutomaticSpeechRecognitionOutput,
} from "@infer/task-automatic-speech-recognition";
export type { TextToSpeechOptions, TextToSpeechOutput, TextToSpeechParameters } from "@infer/task-text-to-speech";
export type {
  ImageClassificationOptions,
  ImageClassificationOutput,
  ImageClassificationParameters,
} from "@infer/task-image-classification";
export type {
  ImageSegmentationOptions,
  ImageSegmentationOutput,
  ImageSegmentationParameters,
} from "@infer/task-image-segmentation";
export type { ImageToImageOptions, ImageToImageOutput, ImageToImageParameters } from "@infer/task-image-to-image";
export type { ImageToTextOptions, ImageToTextOutput } from "@infer/task-image-to-text";
export type {
  ObjectDetectionOptions,
  ObjectDetectionOutput,
  ObjectDetectionParameters,
} from "@infer/task-object-detection";
export type { TextToImageOptions, TextToImageOutput, TextToImageParameters } from "@infer/task-text-to-image";
export type {
  ZeroShotImageClassificationOptions,
  ZeroShotImageClassificationOutput,
  ZeroShotImageClassificationParameters,
} from "@infer/task-zero-shot-image-classification";
export type {
  DocumentQuestionAnsweringOptions,
  DocumentQuestionAnsweringOutput,
  DocumentQuestionAnsweringParameters,
} from "@infer/task-document-question-answering";
export type {
  VisualQuestionAnsweringOptions,
  VisualQuestionAnsweringOutput,
  VisualQuestionAnsweringParameters,
} from "@infer/task-visual-question-answering";
export type { ConversationalOptions, ConversationalOutput, ConversationalParameters } from "@infer/task-conversational";
export type {
  FeatureExtractionOptions,
  FeatureExtractionOutput,
  FeatureExtractionParameters,
} from "@infer/task-feature-extraction";
export type { FillMaskCandidate, FillMaskOptions, FillMaskOutput, FillMaskParameters } from "@infer/task-fill-mask";
export type {
  QuestionAnsweringFunction,
  QuestionAnsweringMethod,
  QuestionAnsweringOptions,
  QuestionAnsweringOutput,
  QuestionAnsweringParameters,
} from "@infer/task-question-answering";
export type { SentenceSimilarityOptions, SentenceSimilarityOutput } from "@infer/task-sentence-similarity";
export type { SummarizationOptions, SummarizationOutput, SummarizationParameters } from "@infer/task-summarization";
export type {
  TableQuestionAnsweringCell,
  TableQuestionAnsweringOptions,
  TableQuestionAnsweringOutput,
  TableQuestionAnsweringParameters,
  TableQuestionAnsweringTable,
} from "@infer/task-table-question-answering";
export type {
  TextClassificationOptions,
  TextClassificationOutput,
  TextClassificationParameters,
} from "@infer/task-text-classification";
export type {
  TextGenerationBestOfSequence,
  TextGenerationDetails,
  TextGenerationFinishReason,
  TextGenerationFunction,
  TextGenerationGrammar,
  TextGenerationMethod,
  TextGenerationOptions,
  TextGenerationOutput,
  TextGenerationParameters,
  TextGenerationPrefillToken,
  TextGenerationResult,
  TextGenerationStreamDetails,
  TextGenerationStreamEvent,
  TextGenerationToken,
} from "@infer/task-text-generation";
export type {
  TokenClassificationEntity,
  TokenClassificationOptions,
  TokenClassificationOutput,
  TokenClassificationParameters,
} from "@infer/task-token-classification";
export type { TranslationOptions, TranslationOutput } from "@infer/task-translation";
export type { ZeroShotClassificationOptions, ZeroShotClassificationOutput } from "@infer/task-zero-shot-classification";
export type { TabularClassificationOptions, TabularClassificationOutput } from "@infer/task-tabular-classification";
export type { TabularRegressionOptions, TabularRegressionOutput } from "@infer/task-tabular-regression";
export type {
  ChatCompletionChoice,
  ChatCompletionContentPart,
  ChatCompletionDelta,
  ChatCompletionFunction,
  ChatCompletionInput,
  ChatCompletionLogprobs,
  ChatCompletionMessage,
  ChatCompletionMethod,
  ChatCompletionOptions,
  ChatCompletionOutput,
  ChatCompletionOutputMessage,
  ChatCompletionResponseFormat,
  ChatCompletionResult,
  ChatCompletionRole,
  ChatCompletionStreamChoice,
  ChatCompletionStreamOutput,
  ChatCompletionTool,
  ChatCompletionToolCall,
  ChatCompletionToolChoice,
  ChatCompletionUsage,
} from "@infer/task-chat-completion";
