import {
  defineTask,
  expectOutput,
  isLabelScoreList,
  splitOptions,
  type BinaryInput,
  type InferenceCore,
  type RequestOptions,
} from "@infer/core";

/** Options of `audioClassification()`: the request options only; the task takes no parameters. */
export type AudioClassificationOptions = RequestOptions;

/** Labels with their scores, best first as the server orders them. */
export type AudioClassificationOutput = { label: string; score: number }[];

/**
 * Classifies audio (emotion, speaker, language, sound event, …): bytes, a Blob, a stream, a local path or
 * file URL, or an http(s) URL.
 * @example
 * const labels = await audioClassification(createClient(), "./sample1.flac", { model: "superb/hubert-large-superb-er" });
 */
export const audioClassification = defineTask(
  { taskName: "audio-classification", methodName: "audioClassification" },
  async (client: InferenceCore, audio: BinaryInput, options?: AudioClassificationOptions): Promise<AudioClassificationOutput> => {
    const { request } = splitOptions(options);
    const response = await client.post({ task: "audio-classification", data: audio, dataArgument: "audio" }, request);
    const body = await response.json();
    expectOutput(isLabelScoreList(body), "audio-classification", "[{label, score}]", body);
    return body as AudioClassificationOutput;
  },
);
