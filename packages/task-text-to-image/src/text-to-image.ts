import type { InferenceCore, RequestOptions } from "@infer/core";
import { checkNumber, defineTask, readBlobOutput, requireString, splitOptions } from "@infer/core/task-kit";

/** Options of `textToImage()`: the request options and the generation parameters, all optional. */
export interface TextToImageOptions extends RequestOptions {
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
}

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
    const { negativePrompt, height, width, numInferenceSteps, guidanceScale } = parameters;
    if (negativePrompt !== undefined) requireString(negativePrompt, "options.negativePrompt", { allowEmpty: true });
    checkNumber(height, "options.height", { above: 0, integer: true });
    checkNumber(width, "options.width", { above: 0, integer: true });
    checkNumber(numInferenceSteps, "options.numInferenceSteps", { above: 0, integer: true });
    checkNumber(guidanceScale, "options.guidanceScale", {});
    const wireParameters = {
      negative_prompt: negativePrompt,
      height,
      width,
      num_inference_steps: numInferenceSteps,
      guidance_scale: guidanceScale,
    };
    // JSON leaves out what is undefined: the parameters not set, and `parameters` when none is.
    const json = {
      inputs: prompt,
      parameters: Object.values(wireParameters).some((value) => value !== undefined) ? wireParameters : undefined,
    };
    const response = await client.post({ task: "text-to-image", json, headers: { accept: "image/png" } }, request);
    return readBlobOutput(response, "text-to-image", "image bytes");
  },
);
