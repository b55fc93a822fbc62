import {
  defineTask,
  expectOutput,
  isLabelScoreList,
  splitOptions,
  type BinaryInput,
  type InferenceCore,
  type RequestOptions,
} from "@infer/core";

/** Options of `imageClassification()`: the request options only; the task takes no parameters. */
export type ImageClassificationOptions = RequestOptions;

/** Labels with their scores, best first as the server orders them. */
export type ImageClassificationOutput = { label: string; score: number }[];

/**
 * Classifies an image: bytes, a Blob, a stream, a local path or file URL, or an http(s) URL.
 * @example
 * const labels = await imageClassification(createClient(), "./cheetah.png", { model: "google/vit-base-patch16-224" });
 */
export const imageClassification = defineTask(
  { taskName: "image-classification", methodName: "imageClassification" },
  async (client: InferenceCore, image: BinaryInput, options?: ImageClassificationOptions): Promise<ImageClassificationOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post({ task: "image-classification", data: image, dataArgument: "image" }, request);
    const body = await response.json();
    expectOutput(isLabelScoreList(body), "image-classification", "[{label, score}]", body);
    return body as ImageClassificationOutput;
  },
);
