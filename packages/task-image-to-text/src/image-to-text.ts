import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, isObject, splitOptions } from "@infer/core/task-kit";

/** Options of `imageToText()`: the request options only; the task takes no parameters. */
export type ImageToTextOptions = RequestOptions;

/** The generated caption or text. */
export type ImageToTextOutput = string;

/**
 * Describes an image in words (captioning, OCR, …): bytes, a Blob, a stream, a local path or file URL, or an
 * http(s) URL.
 * @example
 * const caption = await imageToText(createClient(), "./cheetah.png", { model: "nlpconnect/vit-gpt2-image-captioning" });
 */
export const imageToText = defineTask(
  { taskName: "image-to-text", methodName: "imageToText" },
  async (client: InferenceCore, image: BinaryInput, options?: ImageToTextOptions): Promise<ImageToTextOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post({ task: "image-to-text", data: image, dataArgument: "image" }, request);
    const body = await response.json();
    const first: unknown = Array.isArray(body) ? body[0] : undefined;
    expectOutput(
      isObject(first) && typeof first["generated_text"] === "string",
      "image-to-text",
      "[{generated_text}]",
      body,
    );
    return (first as { generated_text: string }).generated_text;
  },
);
