import { InferenceInputError, type BinaryInput, type InferenceCore, type RequestOptions } from "@infer/core";
import {
  readBase64,
  defineTask,
  expectOutput,
  isLabelScoreList,
  requireStringArray,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `zeroShotImageClassification()`, checked before sending and sent snake_case. */
export interface ZeroShotImageClassificationParameters {
  /** The sentence each label is put in, at its `{}`; default: the server's (`"This is a photo of {}."`). */
  hypothesisTemplate?: string | undefined;
}

/** Options of `zeroShotImageClassification()`: the request options and the task's parameters, all optional. */
export type ZeroShotImageClassificationOptions = RequestOptions & ZeroShotImageClassificationParameters;

const PARAMETERS = {
  hypothesisTemplate: { type: "string" },
} satisfies ParameterTable;

/** The candidate labels with their scores, best first as the server orders them. */
export type ZeroShotImageClassificationOutput = { label: string; score: number }[];

/**
 * Classifies an image into labels you choose, with no training (CLIP and its kind).
 * @example
 * const labels = await zeroShotImageClassification(createClient(), "cheetah.png", ["animal", "toy", "car"], {
 *   model: "openai/clip-vit-large-patch14-336",
 * });
 */
export const zeroShotImageClassification = defineTask(
  { taskName: "zero-shot-image-classification", methodName: "zeroShotImageClassification" },
  async (
    client: InferenceCore,
    image: BinaryInput,
    labels: string[],
    options?: ZeroShotImageClassificationOptions,
  ): Promise<ZeroShotImageClassificationOutput> => {
    requireStringArray(labels, "labels", 2);
    // The labels travel as one comma-joined string that the server splits and trims again.
    for (const label of labels) {
      if (label.includes(","))
        throw new InferenceInputError({ argument: "labels", message: `a label cannot contain a comma: "${label}"` });
      if (label.trim() === "")
        throw new InferenceInputError({ argument: "labels", message: "a label cannot be empty" });
    }
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const encoded = await readBase64(client, image, "image", request);
    const response = await client.post(
      {
        task: "zero-shot-image-classification",
        // The labels argument wins over any `candidateLabels` option passed through unchecked.
        json: { image: encoded, parameters: { ...wire, candidate_labels: labels.join(",") } },
      },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isLabelScoreList, "zero-shot-image-classification", "[{label, score}]");
  },
);
