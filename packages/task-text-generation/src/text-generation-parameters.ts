import { checkNumber, InferenceInputError, requireStringArray, snakeCaseParameters, type RequestOptions } from "@infer/core";
import type { TextGenerationOptions, TextGenerationParameters } from "./text-generation-options.js";

const BOOLEANS = ["doSample", "returnFullText", "watermark", "details", "decoderInputDetails", "stream"] as const;

/** The TGI parameter names this task sends (others in the options are not sent). */
export const PARAMETER_NAMES = [
  "bestOf",
  "decoderInputDetails",
  "details",
  "doSample",
  "maxNewTokens",
  "repetitionPenalty",
  "returnFullText",
  "seed",
  "stop",
  "temperature",
  "topK",
  "topP",
  "truncate",
  "typicalP",
  "watermark",
] as const satisfies readonly (keyof TextGenerationParameters)[];

/** A call's options without the request options: TGI's parameters and `stream`. */
export type TextGenerationCallParameters = Omit<TextGenerationOptions, keyof RequestOptions>;

/** TGI's `parameters` object: the known parameters that are set, in snake_case; `undefined` when none is. */
export function wireParameters(parameters: TextGenerationParameters): Record<string, unknown> | undefined {
  const known: Record<string, unknown> = {};
  for (const name of PARAMETER_NAMES) known[name] = parameters[name];
  return snakeCaseParameters(known);
}

/** Checks the parameters as TGI would (WIRE.md), so a bad value fails before any request. */
export function validateParameters(parameters: TextGenerationCallParameters): void {
  for (const name of BOOLEANS) {
    const value = parameters[name];
    if (value !== undefined && typeof value !== "boolean") {
      throw new InferenceInputError({ argument: `options.${name}`, message: `expected a boolean, got ${typeof value}` });
    }
  }
  checkNumber(parameters.maxNewTokens, "options.maxNewTokens", { above: 0, integer: true });
  checkNumber(parameters.repetitionPenalty, "options.repetitionPenalty", { above: 0 });
  checkNumber(parameters.seed, "options.seed", { atLeast: 0, integer: true });
  checkNumber(parameters.temperature, "options.temperature", { above: 0 });
  checkNumber(parameters.topK, "options.topK", { above: 0, integer: true });
  checkNumber(parameters.topP, "options.topP", { above: 0, below: 1 });
  checkNumber(parameters.truncate, "options.truncate", { above: 0, integer: true });
  checkNumber(parameters.typicalP, "options.typicalP", { above: 0, below: 1 });
  checkNumber(parameters.bestOf, "options.bestOf", { above: 0, integer: true });
  if (parameters.stop !== undefined) requireStringArray(parameters.stop, "options.stop", 0);
  if (parameters.bestOf !== undefined && parameters.bestOf > 1) {
    const conflict =
      parameters.doSample !== true
        ? "needs `doSample: true`"
        : parameters.seed !== undefined
          ? "cannot be combined with `seed`"
          : parameters.stream === true
            ? "cannot be combined with `stream`"
            : undefined;
    if (conflict) throw new InferenceInputError({ argument: "options.bestOf", message: `a value above 1 ${conflict}` });
  }
  if (parameters.decoderInputDetails === true) {
    if (parameters.details !== true) {
      throw new InferenceInputError({ argument: "options.decoderInputDetails", message: "needs `details: true`" });
    }
    if (parameters.stream === true) {
      throw new InferenceInputError({ argument: "options.decoderInputDetails", message: "cannot be combined with `stream`" });
    }
  }
}
