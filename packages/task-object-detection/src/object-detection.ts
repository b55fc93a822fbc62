import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  postBinary,
  defineTask,
  expectOutput,
  isObject,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `objectDetection()`, checked before sending and sent snake_case. */
export interface ObjectDetectionParameters {
  /** The lowest score an object must reach to be returned, from 0 to 1. */
  threshold?: number | undefined;
}

/** Options of `objectDetection()`: the request options and the task's parameters, all optional. */
export type ObjectDetectionOptions = RequestOptions & ObjectDetectionParameters;

const PARAMETERS = {
  threshold: { type: "number", atLeast: 0, atMost: 1 },
} satisfies ParameterTable;

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
  async (
    client: InferenceCore,
    image: BinaryInput,
    options?: ObjectDetectionOptions,
  ): Promise<ObjectDetectionOutput> => {
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    // Without parameters the image is the raw body; with some it goes as base64 in {"inputs", "parameters"}.
    const response = await postBinary(
      client,
      { task: "object-detection", data: image, argument: "image", parameters: wire },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isDetectionList, "object-detection", "[{label, score, box: {xmin, ymin, xmax, ymax}}]");
  },
);

function isDetectionList(value: unknown): value is ObjectDetectionOutput {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) && typeof item["label"] === "string" && typeof item["score"] === "number" && isBox(item["box"]),
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
