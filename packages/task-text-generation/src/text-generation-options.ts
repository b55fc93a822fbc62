import type { RequestOptions } from "@infer/core";

/**
 * A grammar the generated text must follow (TGI only): a JSON Schema (an object, or its JSON text) or a
 * regular expression.
 */
export type TextGenerationGrammar =
  | { type: "json"; value: Record<string, unknown> | string }
  | { type: "regex"; value: string };

/** TGI's generation parameters, camelCase here, sent in snake_case under `parameters`, only those set. */
export interface TextGenerationParameters {
  /**
   * Sample the next token instead of picking the most likely one (greedy decoding).
   * @default false
   */
  doSample?: boolean | undefined;
  /**
   * The most tokens to generate, an integer > 0.
   * @example 200
   */
  maxNewTokens?: number | undefined;
  /** Penalty for repeating tokens, > 0; 1 means none. @example 1.03 */
  repetitionPenalty?: number | undefined;
  /**
   * Prepend the prompt to the generated text.
   * @default false
   */
  returnFullText?: boolean | undefined;
  /** Stop generating when one of these sequences is generated (TGI only; dropped for other servers). */
  stop?: string[] | undefined;
  /**
   * huggingface_hub's older name of `stop`, sent as `stop` (joined to it when both are given); TGI only.
   * @deprecated Use `stop`.
   */
  stopSequences?: string[] | undefined;
  /** Random seed for sampling, an integer ≥ 0. Not allowed with `bestOf` > 1. */
  seed?: number | undefined;
  /** Sampling temperature, > 0; lower is more deterministic. @example 0.7 */
  temperature?: number | undefined;
  /** Sample only among the `topK` most likely tokens, an integer > 0. @example 50 */
  topK?: number | undefined;
  /** Nucleus sampling: sample among the most likely tokens whose probabilities add up to `topP`; 0 < topP < 1. @example 0.95 */
  topP?: number | undefined;
  /** Keep only the last `truncate` tokens of the prompt, an integer > 0. */
  truncate?: number | undefined;
  /** Typical decoding mass, 0 < typicalP < 1 (see "Typical Decoding for Natural Language Generation"). */
  typicalP?: number | undefined;
  /**
   * Generate `bestOf` sequences and return the one with the highest log-probability, an integer > 0.
   * Above 1 it needs `doSample: true`, and neither `seed` nor `stream`.
   */
  bestOf?: number | undefined;
  /** Watermark the generated text (TGI only; dropped for other servers). @default false */
  watermark?: boolean | undefined;
  /**
   * Return `{ generated_text, details }` (finish reason, tokens, log-probabilities) instead of the text; with
   * `stream`, yield whole stream events instead of token texts. TGI only.
   * @default false
   */
  details?: boolean | undefined;
  /** Include the prompt's tokens in `details.prefill`. Needs `details: true`; not allowed with `stream`. TGI only. */
  decoderInputDetails?: boolean | undefined;
  /** The LoRA adapter to generate with, by its id (TGI only; dropped for other servers). */
  adapterId?: string | undefined;
  /**
   * Penalise tokens by how often they already appear in the text, from -2 to 2; 0 means none (TGI only).
   * @example 0.5
   */
  frequencyPenalty?: number | undefined;
  /** Constrain the generated text to a JSON Schema or a regular expression (TGI only). */
  grammar?: TextGenerationGrammar | undefined;
  /**
   * Also return the `topNTokens` most likely tokens at each step, an integer ≥ 0, in `details.top_tokens`
   * (stream events' `top_tokens`); TGI caps it (5 by default). TGI only.
   */
  topNTokens?: number | undefined;
}

/** Options of `textGeneration()`: the request options, TGI's parameters, and `stream`. */
export interface TextGenerationOptions extends RequestOptions, TextGenerationParameters {
  /**
   * Stream the tokens as they are generated (Server-Sent Events): the call resolves to an `AsyncIterable`
   * of token texts, or of stream events with `details: true`. Breaking out of the loop closes the connection.
   * @default false
   */
  stream?: boolean | undefined;
}
