import { InferenceInputError, type RequestOptions } from "@infer/core";
import { checkNumber, isObject, requireStringArray, snakeCaseParameters } from "@infer/core/task-kit";
import type { TextGenerationOptions, TextGenerationParameters } from "./text-generation-options.js";

/** A call's options without the request options: TGI's parameters and `stream`. */
export type TextGenerationCallParameters = Omit<TextGenerationOptions, keyof RequestOptions>;

/**
 * How a value is checked: a boolean or a string (by `typeof`), an array of strings, a grammar, or a number within
 * bounds (`checkNumber`'s).
 */
type Check = "boolean" | "string" | "strings" | "grammar" | Parameters<typeof checkNumber>[2];

const POSITIVE = { above: 0 };
const POSITIVE_INTEGER = { above: 0, integer: true };
const BETWEEN_ZERO_AND_ONE = { above: 0, below: 1 };

/**
 * Every parameter of a call and its check, in the order they are checked. All but `stream` are TGI's,
 * sent under `parameters` (other names in the options are not sent).
 */
const CHECKS: { readonly [Name in keyof TextGenerationCallParameters]-?: Check } = {
  doSample: "boolean",
  returnFullText: "boolean",
  watermark: "boolean",
  details: "boolean",
  decoderInputDetails: "boolean",
  stream: "boolean",
  adapterId: "string",
  maxNewTokens: POSITIVE_INTEGER,
  repetitionPenalty: POSITIVE,
  seed: { atLeast: 0, integer: true },
  temperature: POSITIVE,
  topK: POSITIVE_INTEGER,
  topP: BETWEEN_ZERO_AND_ONE,
  truncate: POSITIVE_INTEGER,
  typicalP: BETWEEN_ZERO_AND_ONE,
  bestOf: POSITIVE_INTEGER,
  frequencyPenalty: { atLeast: -2, atMost: 2 },
  topNTokens: { atLeast: 0, integer: true },
  stop: "strings",
  stopSequences: "strings",
  grammar: "grammar",
};

/** Parameters only TGI understands, dropped for a model served another way. */
export const TGI_ONLY_PARAMETERS: readonly (keyof TextGenerationParameters)[] = [
  "watermark",
  "stop",
  "stopSequences",
  "details",
  "decoderInputDetails",
  "adapterId",
  "frequencyPenalty",
  "grammar",
  "topNTokens",
];

/**
 * TGI's `parameters` object: the known parameters that are set, in snake_case and in alphabetical order, without
 * the TGI-only ones for a `plain` model; `undefined` when none is.
 */
export function wireParameters(
  parameters: TextGenerationCallParameters,
  plain: boolean,
): Record<string, unknown> | undefined {
  const known: Record<string, unknown> = {};
  for (const name of Object.keys(CHECKS).sort()) {
    if (
      name !== "stream" &&
      name !== "stopSequences" &&
      !(plain && TGI_ONLY_PARAMETERS.includes(name as keyof TextGenerationParameters))
    ) {
      known[name] = parameters[name as keyof TextGenerationCallParameters];
    }
  }
  // `stopSequences` (huggingface_hub's older name) goes on the wire as TGI's `stop`.
  const { stop, stopSequences } = parameters;
  if (stopSequences !== undefined && !plain) known["stop"] = [...(stop ?? []), ...stopSequences];
  return snakeCaseParameters(known);
}

/** Throws `InferenceInputError` for `options.{name}`. */
export function rejectOption(name: string, message: string, cause?: unknown): never {
  throw new InferenceInputError({ argument: `options.${name}`, message, cause });
}

/** Checks the parameters as TGI would (WIRE.md), so a bad value fails before any request. */
export function validateParameters(parameters: TextGenerationCallParameters): void {
  for (const [name, check] of Object.entries(CHECKS)) {
    const value: unknown = parameters[name as keyof TextGenerationCallParameters];
    if (check === "boolean" || check === "string") {
      if (value !== undefined && typeof value !== check) rejectOption(name, `expected a ${check}, got ${typeof value}`);
    } else if (check === "strings") {
      if (value !== undefined) requireStringArray(value, `options.${name}`, 0);
    } else if (check === "grammar") {
      // TGI's grammars: a JSON Schema (an object or its JSON text), or a regular expression.
      const valid =
        isObject(value) &&
        (value["type"] === "json" || value["type"] === "regex") &&
        (typeof value["value"] === "string" || (value["type"] === "json" && isObject(value["value"])));
      if (value !== undefined && !valid) rejectOption(name, 'expected {type: "json" | "regex", value}');
    } else {
      checkNumber(value, `options.${name}`, check);
    }
  }
  const { bestOf = 0, decoderInputDetails, details, doSample, seed, stream } = parameters;
  if (bestOf > 1 && doSample !== true) rejectOption("bestOf", "a value above 1 needs `doSample: true`");
  if (bestOf > 1 && seed !== undefined) rejectOption("bestOf", "a value above 1 cannot be combined with `seed`");
  if (bestOf > 1 && stream === true) rejectOption("bestOf", "a value above 1 cannot be combined with `stream`");
  if (decoderInputDetails === true && details !== true) rejectOption("decoderInputDetails", "needs `details: true`");
  if (decoderInputDetails === true && stream === true)
    rejectOption("decoderInputDetails", "cannot be combined with `stream`");
}
