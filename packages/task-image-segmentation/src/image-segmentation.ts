import {
  base64ToBytes,
  defineTask,
  expectOutput,
  isObject,
  splitOptions,
  type BinaryInput,
  type InferenceCore,
  type RequestOptions,
} from "@infer/core";

/** Options of `imageSegmentation()`: the request options only; the task takes no parameters. */
export type ImageSegmentationOptions = RequestOptions;

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
  async (client: InferenceCore, image: BinaryInput, options?: ImageSegmentationOptions): Promise<ImageSegmentationOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post({ task: "image-segmentation", data: image, dataArgument: "image" }, request);
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
