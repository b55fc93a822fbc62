import type { InferenceCore, RequestOptions } from "@infer/core";
import { defineTask, readBlobOutput, requireString, splitOptions } from "@infer/core/task-kit";

/** Options of `textToSpeech()`: the request options only; the task takes no parameters. */
export type TextToSpeechOptions = RequestOptions;

/** The spoken audio, typed with the server's `Content-Type` (e.g. `audio/flac`). */
export type TextToSpeechOutput = Blob;

/**
 * Speaks a text.
 * @example
 * const audio = await textToSpeech(createClient(), "hello there!", { model: "espnet/kan-bayashi_ljspeech_vits" });
 * await saveBlob(audio, "hello.flac");
 */
export const textToSpeech = defineTask(
  { taskName: "text-to-speech", methodName: "textToSpeech" },
  async (client: InferenceCore, text: string, options?: TextToSpeechOptions): Promise<TextToSpeechOutput> => {
    requireString(text, "text");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "text-to-speech", json: { inputs: text } }, request);
    // A 2xx JSON or text answer is not audio: surface it rather than hand back a Blob of JSON.
    return readBlobOutput(response, "text-to-speech", "audio bytes");
  },
);
