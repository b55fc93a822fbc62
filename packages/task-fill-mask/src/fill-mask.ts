import type { InferenceCore, RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  isObject,
  requireString,
  encodeParametersAsync,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** The parameters of `fillMask()`, checked before sending and sent snake_case. */
export interface FillMaskParameters {
  /** How many candidates to return, best first (an integer ≥ 1); default: the server's. */
  topK?: number | undefined;
  /** Score only these candidates (one word or several) instead of the whole vocabulary. */
  targets?: string | string[] | undefined;
}

/** Options of `fillMask()`: the request options and the task's parameters, all optional. */
export type FillMaskOptions = RequestOptions & FillMaskParameters;

const PARAMETERS = {
  topK: { type: "integer", atLeast: 1 },
  targets: { type: "string-or-strings" },
} satisfies ParameterTable;

/** One candidate for the masked token; fields the server adds beyond these are kept. */
export interface FillMaskCandidate {
  /** How likely this candidate is, from 0 to 1. */
  score: number;
  /** The candidate's id in the model's vocabulary. */
  token: number;
  /** The candidate as text. */
  token_str: string;
  /** The input with the mask replaced by this candidate. */
  sequence: string;
}

/** Candidates for the masked token, best first as the server orders them. */
export type FillMaskOutput = FillMaskCandidate[];

/**
 * Fills the mask token of a text (`[MASK]`, `<mask>`, … depending on the model).
 * @example
 * const candidates = await fillMask(createClient(), "The goal of life is [MASK].", { model: "bert-base-uncased" });
 */
export const fillMask = defineTask(
  { taskName: "fill-mask", methodName: "fillMask" },
  async (client: InferenceCore, text: string, options?: FillMaskOptions): Promise<FillMaskOutput> => {
    requireString(text, "text");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      { task: "fill-mask", json: wire === undefined ? { inputs: text } : { inputs: text, parameters: wire } },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isCandidateList, "fill-mask", "[{score, token, token_str, sequence}]");
  },
);

function isCandidateList(value: unknown): value is FillMaskOutput {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) &&
        typeof item["score"] === "number" &&
        typeof item["token"] === "number" &&
        typeof item["token_str"] === "string" &&
        typeof item["sequence"] === "string",
    )
  );
}
