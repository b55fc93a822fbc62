import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  readBlobOutput,
  requireString,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/**
 * The generation parameters of `textToSpeech()` (for models that generate speech tokens, e.g. Bark), checked
 * before sending and sent snake_case straight under `"parameters"`, as Python's `InferenceClient` sends them.
 */
export interface TextToSpeechParameters {
  /** Whether to sample the next token rather than take the likeliest (greedy decoding). */
  doSample?: boolean | undefined;
  /** Whether beam search stops as soon as `numBeams` candidates are finished. */
  earlyStopping?: boolean | undefined;
  /** Sample only tokens more probable than this, 0 ≤ epsilonCutoff < 1 (0 turns it off). */
  epsilonCutoff?: number | undefined;
  /** Eta sampling cutoff, 0 ≤ etaCutoff < 1 (0 turns it off). */
  etaCutoff?: number | undefined;
  /** The longest output in tokens, prompt included, an integer ≥ 1. */
  maxLength?: number | undefined;
  /** The most tokens to generate, an integer ≥ 1. */
  maxNewTokens?: number | undefined;
  /** The shortest output in tokens, prompt included, an integer ≥ 0. */
  minLength?: number | undefined;
  /** The fewest tokens to generate, an integer ≥ 0. */
  minNewTokens?: number | undefined;
  /** Groups the beams are split into for diverse beam search, an integer ≥ 1. */
  numBeamGroups?: number | undefined;
  /** Beams for beam search, an integer ≥ 1 (1: no beam search). */
  numBeams?: number | undefined;
  /** Contrastive search's degeneration penalty, ≥ 0 (0: no contrastive search). */
  penaltyAlpha?: number | undefined;
  /** Sampling temperature, > 0: higher is more random. */
  temperature?: number | undefined;
  /** Sample only among the `topK` likeliest tokens, an integer ≥ 0 (0 turns it off). */
  topK?: number | undefined;
  /** Sample only among the likeliest tokens whose probabilities add up to `topP`, 0 < topP ≤ 1. */
  topP?: number | undefined;
  /** Typical sampling's probability mass, 0 < typicalP ≤ 1. */
  typicalP?: number | undefined;
  /** Whether the model reuses its past key/values to decode faster. */
  useCache?: boolean | undefined;
}

/** Options of `textToSpeech()`: the request options and the generation parameters, all optional. */
export type TextToSpeechOptions = RequestOptions & TextToSpeechParameters;

const CUTOFF = { type: "number", atLeast: 0, below: 1 } as const;
const COUNT = { type: "integer", atLeast: 0 } as const;
const POSITIVE_COUNT = { type: "integer", atLeast: 1 } as const;
const MASS = { type: "number", above: 0, atMost: 1 } as const;

const PARAMETERS = {
  doSample: { type: "boolean" },
  earlyStopping: { type: "boolean" },
  epsilonCutoff: CUTOFF,
  etaCutoff: CUTOFF,
  maxLength: POSITIVE_COUNT,
  maxNewTokens: POSITIVE_COUNT,
  minLength: COUNT,
  minNewTokens: COUNT,
  numBeamGroups: POSITIVE_COUNT,
  numBeams: POSITIVE_COUNT,
  penaltyAlpha: { type: "number", atLeast: 0 },
  temperature: { type: "number", above: 0 },
  topK: COUNT,
  topP: MASS,
  typicalP: MASS,
  useCache: { type: "boolean" },
} satisfies ParameterTable;

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
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      { task: "text-to-speech", json: wire === undefined ? { inputs: text } : { inputs: text, parameters: wire } },
      request,
    );
    // A 2xx JSON or text answer is not audio: surface it rather than hand back a Blob of JSON.
    return readBlobOutput(response, "text-to-speech", "audio bytes");
  },
);
