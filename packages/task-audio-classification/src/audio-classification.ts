import type { BinaryInput, InferenceCore, RequestOptions } from "@infer/core";
import {
  postBinary,
  defineTask,
  expectOutput,
  isLabelScoreList,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `audioClassification()`, checked before sending and sent snake_case. */
export interface AudioClassificationParameters {
  /** How many labels to return, best first (an integer ≥ 1); default: the server's. */
  topK?: number | undefined;
  /** The function applied to the model's outputs to get the scores. */
  functionToApply?: "sigmoid" | "softmax" | "none" | undefined;
}

/** Options of `audioClassification()`: the request options and the task's parameters, all optional. */
export type AudioClassificationOptions = RequestOptions & AudioClassificationParameters;

const PARAMETERS = {
  topK: { type: "integer", atLeast: 1 },
  functionToApply: { type: "string", oneOf: ["sigmoid", "softmax", "none"] },
} satisfies ParameterTable;

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
  async (
    client: InferenceCore,
    audio: BinaryInput,
    options?: AudioClassificationOptions,
  ): Promise<AudioClassificationOutput> => {
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    // Without parameters the audio is the raw body; with some it goes as base64 in {"inputs", "parameters"}.
    const response = await postBinary(
      client,
      { task: "audio-classification", data: audio, argument: "audio", parameters: wire },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isLabelScoreList, "audio-classification", "[{label, score}]");
  },
);
