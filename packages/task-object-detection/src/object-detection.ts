import {
  defineTask,
  expectOutput,
  isObject,
  splitOptions,
  type BinaryInput,
  type InferenceCore,
  type RequestOptions,
} from "@infer/core";

/** Options of `objectDetection()`: the request options only; the task takes no parameters. */
export type ObjectDetectionOptions = RequestOptions;

/** The objects found, each with its label, score and bounding box in pixels of the input image. */
export type ObjectDetectionOutput = {
  label: string;
  score: number;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}[];

/**
 * Finds objects in an image: bytes, a Blob, a stream, a local path or file URL, or an http(s) URL.
 * @example
 * const objects = await objectDetection(createClient(), "./cats.png", { model: "facebook/detr-resnet-50" });
 */
export const objectDetection = defineTask(
  { taskName: "object-detection", methodName: "objectDetection" },
  async (client: InferenceCore, image: BinaryInput, options?: ObjectDetectionOptions): Promise<ObjectDetectionOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post({ task: "object-detection", data: image, dataArgument: "image" }, request);
    const body = await response.json();
    expectOutput(isDetectionList(body), "object-detection", "[{label, score, box: {xmin, ymin, xmax, ymax}}]", body);
    return body as ObjectDetectionOutput;
  },
);

function isDetectionList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) &&
        typeof item["label"] === "string" &&
        typeof item["score"] === "number" &&
        isBox(item["box"]),
    )
  );
}

function isBox(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value["xmin"] === "number" &&
    typeof value["ymin"] === "number" &&
    typeof value["xmax"] === "number" &&
    typeof value["ymax"] === "number"
  );
}
