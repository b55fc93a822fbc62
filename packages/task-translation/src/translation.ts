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
export type TranslationTruncation = "do_not_truncate" | "longest_first" | "only_first" | "only_second";

const PARAMETERS = {
  srcLang: { type: "string" },
  tgtLang: { type: "string" },
  cleanUpTokenizationSpaces: { type: "boolean" },
  truncation: { type: "string", oneOf: ["do_not_truncate", "longest_first", "only_first", "only_second"] },
  generateParameters: { type: "object" },
} satisfies ParameterTable;

/** Options of `translation()`: the request options and the languages, both or neither. */
export interface TranslationOptions extends RequestOptions {
  /**
   * The language of the text, for multilingual models; needs `tgtLang`. Codes are the model's own.
   * @example "en_XX"
   */
  srcLang?: string | undefined;
  /**
   * The language to translate to, for multilingual models; needs `srcLang`. Codes are the model's own.
   * @example "fr_XX"
   */
  tgtLang?: string | undefined;
  /** Clean up the spaces of the decoded text (`clean_up_tokenization_spaces`). */
  cleanUpTokenizationSpaces?: boolean | undefined;
  /** How a text too long for the model is truncated. */
  truncation?: TranslationTruncation | undefined;
  /**
   * Generation parameters in the server's snake_case, sent as `generate_parameters` (huggingface_hub's form).
   * @example { max_new_tokens: 100 }
   */
  generateParameters?: Record<string, unknown> | undefined;
}

/** The translated text. */
export type TranslationOutput = string;

/**
 * Translates a text. Models for one language pair need no languages; multilingual ones take both.
 * @example
 * const german = await translation(createClient(), "My name is Wolfgang and I live in Berlin", { model: "t5-base" });
 */
export const translation = defineTask(
  { taskName: "translation", methodName: "translation" },
  async (client: InferenceCore, text: string, options?: TranslationOptions): Promise<TranslationOutput> => {
    requireString(text, "text");
    const { request, parameters } = splitOptions(options);
    const { srcLang, tgtLang } = parameters;
    if (srcLang !== undefined) requireString(srcLang, "options.srcLang");
    if (tgtLang !== undefined) requireString(tgtLang, "options.tgtLang");
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    if ((srcLang === undefined) !== (tgtLang === undefined)) {
      const [missing, given] = srcLang === undefined ? ["srcLang", "tgtLang"] : ["tgtLang", "srcLang"];
      throw new InferenceInputError({
        argument: `options.${missing}`,
        message: `required with \`${given}\`: give both languages or neither`,
      });
    }
    const json = wire === undefined ? { inputs: text } : { inputs: text, parameters: wire };
    const response = await client.post({ task: "translation", json }, request);
    const body = await response.json();
    const first: unknown = Array.isArray(body) ? body[0] : body;
    expectOutput(
      isObject(first) && typeof first["translation_text"] === "string",
      "translation",
      "[{translation_text}]",
      body,
    );
    return (first as { translation_text: string }).translation_text;
  },
);
