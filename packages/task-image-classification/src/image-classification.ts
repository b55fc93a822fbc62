import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  postBinary,
  defineTask,
  expectOutput,
  isLabelScoreList,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `imageClassification()`, checked before sending and sent snake_case. */
export interface ImageClassificationParameters {
  /** How many labels to return, best first (an integer ≥ 1); default: the server's. */
  topK?: number | undefined;
  /** The function applied to the model's outputs to get the scores. */
  functionToApply?: "sigmoid" | "softmax" | "none" | undefined;
}

/** Options of `imageClassification()`: the request options and the task's parameters, all optional. */
export type ImageClassificationOptions = RequestOptions & ImageClassificationParameters;

const PARAMETERS = {
  topK: { type: "integer", atLeast: 1 },
  functionToApply: { type: "string", oneOf: ["sigmoid", "softmax", "none"] },
} satisfies ParameterTable;

/** Labels with their scores, best first as the server orders them. */
export type ImageClassificationOutput = { label: string; score: number }[];

/**
 * Classifies an image: bytes, a Blob, a stream, a local path or file URL, or an http(s) URL.
 * @example
 * const labels = await imageClassification(createClient(), "./cheetah.png", { model: "google/vit-base-patch16-224" });
 */
export const imageClassification = defineTask(
  { taskName: "image-classification", methodName: "imageClassification" },
  async (
    client: InferenceCore,
    image: BinaryInput,
    options?: ImageClassificationOptions,
  ): Promise<ImageClassificationOutput> => {
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    // Without parameters the image is the raw body; with some it goes as base64 in {"inputs", "parameters"}.
    const response = await postBinary(
      client,
      { task: "image-classification", data: image, argument: "image", parameters: wire },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isLabelScoreList, "image-classification", "[{label, score}]");
  },
);
