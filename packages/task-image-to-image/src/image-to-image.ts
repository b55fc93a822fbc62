import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  postBinary,
  defineTask,
  readBlobOutput,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The generation parameters of `imageToImage()`, checked before sending and sent snake_case. */
export interface ImageToImageParameters {
  /**
   * What the new image should show, guiding the change.
   * @example "a bird in a jungle, oil painting"
   */
  prompt?: string | undefined;
  /**
   * What the new image should not show.
   * @example "blurry, low resolution"
   */
  negativePrompt?: string | undefined;
  /**
   * Height of the new image in pixels, a positive integer.
   * @default the input image's, or the model's own
   * @example 512
   */
  height?: number | undefined;
  /**
   * Width of the new image in pixels, a positive integer.
   * @default the input image's, or the model's own
   * @example 512
   */
  width?: number | undefined;
  /**
   * Denoising steps, a positive integer: more give a finer image, more slowly.
   * @default the model's own, often 50
   * @example 25
   */
  numInferenceSteps?: number | undefined;
  /**
   * How closely the new image follows the prompt: higher is closer, at some cost to quality.
   * @default the model's own, often 7.5
   * @example 9
   */
  guidanceScale?: number | undefined;
  /**
   * How much the input image may change, from 0 (kept as is) to 1 (ignored).
   * @default the model's own, often 0.8
   * @example 0.5
   */
  strength?: number | undefined;
  /**
   * The size of the new image in pixels, both positive integers (what Python's `target_size` is; `width` and
   * `height` above are the older way).
   * @default the input image's, or the model's own
   * @example { width: 512, height: 512 }
   */
  targetSize?: { width: number; height: number } | undefined;
}

/** Options of `imageToImage()`: the request options and the generation parameters, all optional. */
export type ImageToImageOptions = RequestOptions & ImageToImageParameters;

const SIZE = { type: "integer", above: 0 } as const;

const PARAMETERS = {
  prompt: { type: "string" },
  negativePrompt: { type: "string" },
  height: SIZE,
  width: SIZE,
  numInferenceSteps: SIZE,
  guidanceScale: { type: "number" },
  strength: { type: "number", atLeast: 0, atMost: 1 },
  targetSize: { type: "object" },
} satisfies ParameterTable;

const TARGET_SIZE = { width: SIZE, height: SIZE } satisfies ParameterTable;

/** The new image, typed with the server's `Content-Type` (`image/png` unless you asked otherwise). */
export type ImageToImageOutput = Blob;

/**
 * Turns an image into another (ControlNet, instruct-pix2pix, super-resolution, …). Without parameters the
 * image is the raw body; with some it goes as base64 in `{"inputs", "parameters"}`. Sends `Accept: image/png`
 * unless an `Accept` header is set on the client or the call.
 * @example
 * const image = await imageToImage(createClient(), "bird_canny.png", {
 *   model: "lllyasviel/sd-controlnet-canny",
 *   prompt: "a red bird on a branch",
 * });
 */
export const imageToImage = defineTask(
  { taskName: "image-to-image", methodName: "imageToImage" },
  async (client: InferenceCore, image: BinaryInput, options?: ImageToImageOptions): Promise<ImageToImageOutput> => {
    const { request, parameters } = splitOptions(options);
    // Without any parameter set, the image goes as the raw body; else base64 in JSON with the parameters set.
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    // targetSize's width and height, both required (a missing one is checked as null).
    const size = wire?.["target_size"];
    if (size) await encodeParametersAsync(TARGET_SIZE, { width: null, height: null, ...size }, "options.targetSize");
    const response = await postBinary(
      client,
      { task: "image-to-image", data: image, argument: "image", parameters: wire, headers: { accept: "image/png" } },
      request,
    );
    return readBlobOutput(response, "image-to-image", "image bytes");
  },
);
