/** Why the generation stopped. */
export type TextGenerationFinishReason = "length" | "eos_token" | "stop_sequence" | (string & {});

/** A token of the prompt; the first one has no log-probability. */
export interface TextGenerationPrefillToken {
  id: number;
  text: string;
  logprob?: number | null;
}

/** A generated token. */
export interface TextGenerationToken {
  id: number;
  text: string;
  logprob: number;
  /** A special token such as `</s>`: part of the stream, not of the generated text. */
  special: boolean;
}

/** One of the other sequences generated with `bestOf`. */
export interface TextGenerationBestOfSequence {
  generated_text: string;
  finish_reason: TextGenerationFinishReason;
  generated_tokens: number;
  seed?: number | null;
  prefill: TextGenerationPrefillToken[];
  tokens: TextGenerationToken[];
  /** With `topNTokens`: the most likely tokens at each step. */
  top_tokens?: TextGenerationToken[][];
}

/** What TGI tells about a generation with `details: true`. */
export interface TextGenerationDetails {
  finish_reason: TextGenerationFinishReason;
  generated_tokens: number;
  /** The seed used for sampling; `null` without sampling. */
  seed?: number | null;
  /** The prompt's tokens, with `decoderInputDetails: true`. */
  prefill: TextGenerationPrefillToken[];
  tokens: TextGenerationToken[];
  /** With `topNTokens`: the most likely tokens at each step. */
  top_tokens?: TextGenerationToken[][];
  best_of_sequences?: TextGenerationBestOfSequence[];
}

/**
 * The answer with `details: true`, as the server sent it. `details` is absent when the model is not served
 * by TGI (the parameter is then dropped, with a warning).
 */
export interface TextGenerationOutput {
  generated_text: string;
  details?: TextGenerationDetails;
}

/** The details of a stream's last event, with `details: true`. */
export interface TextGenerationStreamDetails {
  finish_reason: TextGenerationFinishReason;
  generated_tokens: number;
  seed?: number | null;
}

/** One event of a stream with `details: true`. Only the last one carries `generated_text` and `details`. */
export interface TextGenerationStreamEvent {
  token: TextGenerationToken;
  /** With `topNTokens`: the most likely tokens at this step. */
  top_tokens?: TextGenerationToken[];
  generated_text: string | null;
  details: TextGenerationStreamDetails | null;
}
