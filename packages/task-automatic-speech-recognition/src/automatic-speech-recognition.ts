import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, expectOutput, isObject, splitOptions } from "@infer/core/task-kit";

/** Options of `automaticSpeechRecognition()`: the request options only; the task takes no parameters. */
export type AutomaticSpeechRecognitionOptions = RequestOptions;

/** The transcribed text. */
export type AutomaticSpeechRecognitionOutput = string;

/**
 * Transcribes speech: bytes, a Blob, a stream, a local path or file URL, or an http(s) URL.
 * @example
 * const text = await automaticSpeechRecognition(createClient(), "./sample1.flac", {
 *   model: "facebook/wav2vec2-large-960h-lv60-self",
 * });
 */
export const automaticSpeechRecognition = defineTask(
  { taskName: "automatic-speech-recognition", methodName: "automaticSpeechRecognition" },
  async (
    client: InferenceCore,
    audio: BinaryInput,
    options?: AutomaticSpeechRecognitionOptions,
  ): Promise<AutomaticSpeechRecognitionOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post(
      { task: "automatic-speech-recognition", data: audio, dataArgument: "audio" },
      request,
    );
    const body = await response.json();
    expectOutput(isObject(body) && typeof body["text"] === "string", "automatic-speech-recognition", "{text}", body);
    return (body as { text: string }).text;
  },
);
