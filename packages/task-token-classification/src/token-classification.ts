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

/** The parameters of `tokenClassification()`, checked before sending and sent snake_case. */
export interface TokenClassificationParameters {
  /**
   * How tokens are merged into entities. huggingface_hub's `"none"` is left out: it answers one `entity` per
   * token instead of `entity_group`s, a shape this task's output does not have.
   */
  aggregationStrategy?: "simple" | "first" | "average" | "max" | undefined;
  /** Labels to leave out of the answer, e.g. `["O"]`. */
  ignoreLabels?: string[] | undefined;
  /** Overlap in tokens between chunks of a long text (an integer ≥ 0). */
  stride?: number | undefined;
}

/** Options of `tokenClassification()`: the request options and the task's parameters, all optional. */
export type TokenClassificationOptions = RequestOptions & TokenClassificationParameters;

const PARAMETERS = {
  aggregationStrategy: { type: "string", oneOf: ["simple", "first", "average", "max"] },
  ignoreLabels: { type: "strings" },
  stride: { type: "integer", atLeast: 0 },
} satisfies ParameterTable;

/** One entity found in the text; fields the server adds beyond these are kept. */
export interface TokenClassificationEntity {
  /** The entity's type, e.g. `"PER"`, `"LOC"`, `"ORG"`. */
  entity_group: string;
  /** How likely this entity is, from 0 to 1. */
  score: number;
  /** The entity as it appears in the text. */
  word: string;
  /** Offset of the entity's first character in the text. */
  start: number;
  /** Offset just past the entity's last character in the text. */
  end: number;
}

/** The entities found, in the order the server gives them. */
export type TokenClassificationOutput = TokenClassificationEntity[];

/**
 * Finds named entities (people, places, organisations, …) or other token labels in a text.
 * @example
 * const entities = await tokenClassification(createClient(), "My name is Sarah Jessica Parker", {
 *   model: "dbmdz/bert-large-cased-finetuned-conll03-english",
 * });
 */
export const tokenClassification = defineTask(
  { taskName: "token-classification", methodName: "tokenClassification" },
  async (
    client: InferenceCore,
    text: string,
    options?: TokenClassificationOptions,
  ): Promise<TokenClassificationOutput> => {
    requireString(text, "text");
    const { request, parameters } = splitOptions(options);
    const wire = await encodeParametersAsync(PARAMETERS, parameters);
    const response = await client.post(
      {
        task: "token-classification",
        json: wire === undefined ? { inputs: text } : { inputs: text, parameters: wire },
      },
      request,
    );
    const body = await response.json();
    return expectOutput(body, isEntityList, "token-classification", "[{entity_group, score, word, start, end}]");
  },
);

function isEntityList(value: unknown): value is TokenClassificationOutput {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isObject(item) &&
        typeof item["entity_group"] === "string" &&
        typeof item["score"] === "number" &&
        typeof item["word"] === "string" &&
        typeof item["start"] === "number" &&
        typeof item["end"] === "number",
    )
  );
}
