import { InferenceInputError, type InferenceCore, type RequestOptions } from "@infer/core";
import {
  defineTask,
  encodeParametersAsync,
  expectOutput,
  isObject,
  requireString,
  splitOptions,
  type ParameterTable,
} from "@infer/core/task-kit";

/** How the server may truncate a text longer than the model takes (transformers' strategies). */
export type TruncationStrategy = "do_not_truncate" | "longest_first" | "only_first" | "only_second";

const TRUNCATION: readonly TruncationStrategy[] = ["do_not_truncate", "longest_first", "only_first", "only_second"];

/** huggingface_hub's text-to-text parameters, shared with translation; checked, then sent in snake_case. */
const PARAMETERS = {
  cleanUpTokenizationSpaces: { type: "boolean" },
  truncation: { type: "string", oneOf: TRUNCATION },
  generateParameters: { type: "object" },
} satisfies ParameterTable;

/**
 * Generation parameters, sent as they are (the server's snake_case names). The usual ones are listed;
 * any other the model accepts may be added.
 */
export interface SummarizationParameters {
  /** The shortest summary, in tokens. */
  min_length?: number | undefined;
  /** The longest summary, in tokens. */
  max_length?: number | undefined;
  /** Sample only from the `top_k` most likely tokens. */
  top_k?: number | undefined;
  /** Sample only from the most likely tokens whose probabilities add up to `top_p`. */
  top_p?: number | undefined;
  /** Sampling temperature: above 1 is more random, near 0 is nearly greedy. @default 1 */
  temperature?: number | undefined;
  /** Penalty for tokens already generated: above 1 repeats less. */
  repetition_penalty?: number | undefined;
  /** The most seconds the server may spend generating. */
  max_time?: number | undefined;
  [name: string]: unknown;
}

/** Options of `summarization()`. */
export interface SummarizationOptions extends RequestOptions {
  /** Clean up the spaces of the decoded text (`clean_up_tokenization_spaces`). */
  cleanUpTokenizationSpaces?: boolean | undefined;
  /** How a text too long for the model is truncated. */
  truncation?: TruncationStrategy | undefined;
  /**
   * Generation parameters in the server's snake_case, sent as `generate_parameters` (huggingface_hub's form).
   * @example { max_length: 100, num_beams: 4 }
   */
  generateParameters?: Record<string, unknown> | undefined;
  /**
   * Generation parameters, passed through to the server as they are.
   * @example { max_length: 100 }
   */
  parameters?: SummarizationParameters | undefined;
}

/** The summary. */
export type SummarizationOutput = string;

/**
 * Summarizes a text.
 * @example
 * const summary = await summarization(createClient(), longText, { model: "facebook/bart-large-cnn", parameters: { max_length: 100 } });
 */
export const summarization = defineTask(
  { taskName: "summarization", methodName: "summarization" },
  async (client: InferenceCore, text: string, options?: SummarizationOptions): Promise<SummarizationOutput> => {
    requireString(text, "text");
    const { request, parameters: taskOptions } = splitOptions(options);
    const { parameters: passthrough, ...named } = taskOptions;
    if (passthrough !== undefined && !isObject(passthrough)) {
      throw new InferenceInputError({ argument: "options.parameters", message: "expected an object" });
    }
    const parameters = { ...passthrough, ...(await encodeParametersAsync(PARAMETERS, named)) };
    const json: Record<string, unknown> = { inputs: text };
    if (Object.keys(parameters).length > 0) json["parameters"] = parameters;
    const response = await client.post({ task: "summarization", json }, request);
    const body = await response.json();
    const first: unknown = Array.isArray(body) ? body[0] : undefined;
    expectOutput(
      isObject(first) && typeof first["summary_text"] === "string",
      "summarization",
      "[{summary_text}]",
      body,
    );
    return (first as { summary_text: string }).summary_text;
  },
);
