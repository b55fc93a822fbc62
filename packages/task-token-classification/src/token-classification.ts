import { defineTask, expectOutput, isObject, requireString, splitOptions, type InferenceCore, type RequestOptions } from "@infer/core";

/** Options of `tokenClassification()`: the request options only; the task takes no parameters. */
export type TokenClassificationOptions = RequestOptions;

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
  async (client: InferenceCore, text: string, options?: TokenClassificationOptions): Promise<TokenClassificationOutput> => {
    requireString(text, "text");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "token-classification", json: { inputs: text } }, request);
    const body = await response.json();
    expectOutput(isEntityList(body), "token-classification", "[{entity_group, score, word, start, end}]", body);
    return body as TokenClassificationOutput;
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
