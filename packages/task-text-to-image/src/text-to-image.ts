import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  readBlobOutput,
  requireString,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The generation parameters of `textToImage()`, checked before sending and sent snake_case. */
export interface TextToImageParameters {
  /**
   * What the image should not show.
   * @example "blurry, low resolution"
   */
  negativePrompt?: string | undefined;
  /**
   * Height of the image in pixels, a positive integer (diffusion models want a multiple of 8).
   * @default the model's own, often 512 or 1024
   * @example 768
   */
  height?: number | undefined;
  /**
   * Width of the image in pixels, a positive integer (diffusion models want a multiple of 8).
   * @default the model's own, often 512 or 1024
   * @example 768
   */
  width?: number | undefined;
  /**
   * Denoising steps, a positive integer: more give a finer image, more slowly.
   * @default the model's own, often 50
   * @example 25
   */
  numInferenceSteps?: number | undefined;
  /**
   * How closely the image follows the prompt: higher is closer, at some cost to quality.
   * @default the model's own, often 7.5
   * @example 9
   */
  guidanceScale?: number | undefined;
  /**
   * The scheduler (sampler) the model denoises with, by its diffusers class name.
   * @default the model's own
   * @example "DPMSolverMultistepScheduler"
   */
  scheduler?: string | undefined;
  /**
   * The random seed, an integer ≥ 0: the same seed and parameters give the same image.
   * @example 42
   */
  seed?: number | undefined;
}

/** Options of `textToImage()`: the request options and the generation parameters, all optional. */
export type TextToImageOptions = RequestOptions & TextToImageParameters;

const PARAMETERS = {
  negativePrompt: { type: "string" },
  height: { type: "integer", above: 0 },
  width: { type: "integer", above: 0 },
  numInferenceSteps: { type: "integer", above: 0 },
  guidanceScale: { type: "number" },
  scheduler: { type: "string" },
  seed: { type: "integer", atLeast: 0 },
} satisfies ParameterTable;

/** The generated image, typed with the server's `Content-Type` (`image/png` unless you asked otherwise). */
export type TextToImageOutput = Blob;

/**
 * Generates an image from a text prompt. Sends `Accept: image/png` unless an `Accept` header is set on the
 * client or the call.
 * @example
 * const image = await textToImage(createClient(), "An astronaut riding a horse on the moon.", {
 *   model: "stabilityai/stable-diffusion-2",
 *   negativePrompt: "blurry",
 * });
 */
export const textToImage = defineTask(
  { taskName: "text-to-image", methodName: "textToImage" },
  async (client: InferenceCore, prompt: string, options?: TextToImageOptions): Promise<TextToImageOutput> => {
    requireString(prompt, "prompt");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      {
        task: "text-to-image",
        json: wire === undefined ? { inputs: prompt } : { inputs: prompt, parameters: wire },
        headers: { accept: "image/png" },
      },
      request,
    );
    return readBlobOutput(response, "text-to-image", "image bytes");
  },
);
