import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  postBinary,
  base64ToBytes,
  defineTask,
  expectOutput,
  isObject,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `imageSegmentation()`, checked before sending and sent snake_case. */
export interface ImageSegmentationParameters {
  /** The lowest score a segment must reach to be returned, from 0 to 1. */
  threshold?: number | undefined;
  /** The threshold that turns predicted masks into binary ones, from 0 to 1. */
  maskThreshold?: number | undefined;
  /** Mask overlap threshold that removes small, disconnected segments, from 0 to 1. */
  overlapMaskAreaThreshold?: number | undefined;
  /** Which segmentation the model does, when it does several. */
  subtask?: "instance" | "panoptic" | "semantic" | undefined;
}

/** Options of `imageSegmentation()`: the request options and the task's parameters, all optional. */
export type ImageSegmentationOptions = RequestOptions & ImageSegmentationParameters;

const PARAMETERS = {
  threshold: { type: "number", atLeast: 0, atMost: 1 },
  maskThreshold: { type: "number", atLeast: 0, atMost: 1 },
  overlapMaskAreaThreshold: { type: "number", atLeast: 0, atMost: 1 },
  subtask: { type: "string", oneOf: ["instance", "panoptic", "semantic"] },
} satisfies ParameterTable;

/** One segment per label the model found, as the server orders them. */
export type ImageSegmentationOutput = {
  label: string;
  /** The segment's confidence; `null` from semantic segmentation models, which give none. */
  score: number | null;
  /** The segment's mask, decoded from the server's base64 PNG: an `image/png` Blob. */
  mask: Blob;
}[];

/**
 * Segments an image: bytes, a Blob, a stream, a local path or file URL, or an http(s) URL.
 * @example
 * const segments = await imageSegmentation(createClient(), "./cheetah.png", { model: "facebook/detr-resnet-50-panoptic" });
 * await saveBlob(segments[0].mask, "mask.png");
 */
export const imageSegmentation = defineTask(
  { taskName: "image-segmentation", methodName: "imageSegmentation" },
  async (
    client: InferenceCore,
    image: BinaryInput,
    options?: ImageSegmentationOptions,
  ): Promise<ImageSegmentationOutput> => {
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    // Without parameters the image is the raw body; with some it goes as base64 in {"inputs", "parameters"}.
    const response = await postBinary(
      client,
      { task: "image-segmentation", data: image, argument: "image", parameters: wire },
      request,
    );
    const body = await response.json();
    expectOutput(isSegmentList(body), "image-segmentation", "[{label, score, mask: base64 PNG}]", body);
    return (body as Record<string, unknown>[]).map((segment) => ({
      ...segment,
      mask: new Blob([base64ToBytes(segment["mask"] as string) as Uint8Array<ArrayBuffer>], { type: "image/png" }),
    })) as ImageSegmentationOutput;
  },
);

function isSegmentList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) &&
        typeof item["label"] === "string" &&
        (typeof item["score"] === "number" || item["score"] === null) &&
        typeof item["mask"] === "string",
    )
  );
}
