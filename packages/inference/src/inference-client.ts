import {
  CoreClient,
  getJson,
  getModelStatus,
  getRecommendedModel,
  readBinary,
  type BinaryInput,
  listDeployedModels,
  type ClientOptions,
  type DeployedModels,
  type Framework,
  type ModelStatus,
  type RequestOptions,
  type TaskMethods,
} from "@infer/core";
import { defineTaskMethods } from "@infer/core/task-kit";
import { audioClassification } from "@infer/task-audio-classification";
import { automaticSpeechRecognition } from "@infer/task-automatic-speech-recognition";
import { textToSpeech } from "@infer/task-text-to-speech";
import { imageClassification } from "@infer/task-image-classification";
import { imageSegmentation } from "@infer/task-image-segmentation";
import { imageToImage } from "@infer/task-image-to-image";
import { imageToText } from "@infer/task-image-to-text";
import { objectDetection } from "@infer/task-object-detection";
import { textToImage } from "@infer/task-text-to-image";
import { zeroShotImageClassification } from "@infer/task-zero-shot-image-classification";
import { documentQuestionAnswering } from "@infer/task-document-question-answering";
import { visualQuestionAnswering } from "@infer/task-visual-question-answering";
import { conversational } from "@infer/task-conversational";
import { featureExtraction } from "@infer/task-feature-extraction";
import { fillMask } from "@infer/task-fill-mask";
import { questionAnswering } from "@infer/task-question-answering";
import { sentenceSimilarity } from "@infer/task-sentence-similarity";
import { summarization } from "@infer/task-summarization";
import { tableQuestionAnswering } from "@infer/task-table-question-answering";
import { textClassification } from "@infer/task-text-classification";
import { textGeneration } from "@infer/task-text-generation";
import { tokenClassification } from "@infer/task-token-classification";
import { translation } from "@infer/task-translation";
import { zeroShotClassification } from "@infer/task-zero-shot-classification";
import { tabularClassification } from "@infer/task-tabular-classification";
import { tabularRegression } from "@infer/task-tabular-regression";
import { chatCompletion } from "@infer/task-chat-completion";
import { baseten } from "@infer/provider-baseten";
import { blackForestLabs } from "@infer/provider-black-forest-labs";
import { cerebras } from "@infer/provider-cerebras";
import { cohere } from "@infer/provider-cohere";
import { deepinfra } from "@infer/provider-deepinfra";
import { falAi } from "@infer/provider-fal-ai";
import { featherlessAi } from "@infer/provider-featherless-ai";
import { fireworksAi } from "@infer/provider-fireworks-ai";
import { groq } from "@infer/provider-groq";
import { hyperbolic } from "@infer/provider-hyperbolic";
import { nebius } from "@infer/provider-nebius";
import { novita } from "@infer/provider-novita";
import { nscale } from "@infer/provider-nscale";
import { openai } from "@infer/provider-openai";
import { ovhcloud } from "@infer/provider-ovhcloud";
import { publicai } from "@infer/provider-publicai";
import { replicate } from "@infer/provider-replicate";
import { sambanova } from "@infer/provider-sambanova";
import { scaleway } from "@infer/provider-scaleway";
import { together } from "@infer/provider-together";
import { wavespeed } from "@infer/provider-wavespeed";
import { zaiOrg } from "@infer/provider-zai-org";

/** Every task @infer knows, in the order of DESIGN.md's table, chat completion last. */
export const allTasks = [
  audioClassification,
  automaticSpeechRecognition,
  textToSpeech,
  imageClassification,
  imageSegmentation,
  imageToImage,
  imageToText,
  objectDetection,
  textToImage,
  zeroShotImageClassification,
  documentQuestionAnswering,
  visualQuestionAnswering,
  conversational,
  featureExtraction,
  fillMask,
  questionAnswering,
  sentenceSimilarity,
  summarization,
  tableQuestionAnswering,
  textClassification,
  textGeneration,
  tokenClassification,
  translation,
  zeroShotClassification,
  tabularClassification,
  tabularRegression,
  chatCompletion,
] as const;

/** Every Inference Provider @infer has a package for, by name. */
export const allProviders = [
  baseten,
  blackForestLabs,
  cerebras,
  cohere,
  deepinfra,
  falAi,
  featherlessAi,
  fireworksAi,
  groq,
  hyperbolic,
  nebius,
  novita,
  nscale,
  openai,
  ovhcloud,
  publicai,
  replicate,
  sambanova,
  scaleway,
  together,
  wavespeed,
  zaiOrg,
] as const;

type AllTaskMethods = TaskMethods<typeof allTasks>;

/**
 * Every task as a method, like the Python `InferenceClient`.
 * @example
 * const client = new InferenceClient({ token: "hf_***", timeout: 30_000 });
 * const image = await client.textToImage("An astronaut riding a horse on the moon.");
 */
// The interface merges the task methods into the class's type; the static block defines them on its prototype.
export interface InferenceClient extends AllTaskMethods {}
export class InferenceClient extends CoreClient {
  static {
    // The same binding as `with()`: each task a method on the prototype, `task(this, ...args)`.
    defineTaskMethods(this.prototype, allTasks);
  }

  /** Every task as a method and every provider registered (`provider: "together"` just works). */
  constructor(options: ClientOptions = {}) {
    super(options, allProviders);
  }

  /** GETs JSON from the Hub (`"hub"`) or the inference endpoint (`"endpoint"`), following redirects. */
  getJson<T = unknown>(base: "hub" | "endpoint", path: string, options?: RequestOptions): Promise<T> {
    return getJson<T>(this, base, path, options);
  }

  /** Reads a binary input whole (for bodies that embed it as base64); bad input → `InferenceInputError`. */
  readBinary(input: BinaryInput, argument: string, options?: RequestOptions): Promise<Uint8Array> {
    return readBinary(this, input, argument, options);
  }

  /** The first recommended model for a task, from `{hub}/api/tasks` (fetched once per process and Hub). */
  getRecommendedModel(task: string, options?: RequestOptions): Promise<string> {
    return getRecommendedModel(this, task, options);
  }

  /** Whether a model is loaded on the serverless API: `GET {endpoint}/status/{model}`. */
  getModelStatus(model?: string, options?: RequestOptions): Promise<ModelStatus> {
    return getModelStatus(this, model, options);
  }

  /** Deployed models grouped by task: `GET {endpoint}/framework/{framework}` for each framework. */
  listDeployedModels(
    frameworks?: Framework | readonly Framework[] | "all",
    options?: RequestOptions,
  ): Promise<DeployedModels> {
    return listDeployedModels(this, frameworks, options);
  }
}
