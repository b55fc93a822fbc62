import { InferenceInputError, type InferenceCore, type RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  isObject,
  requireString,
  requireStringArray,
  splitOptions,
} from "@infer/core/task-kit";

/** Options of `zeroShotClassification()`: the request options, `multiLabel` and `hypothesisTemplate`. */
export interface ZeroShotClassificationOptions extends RequestOptions {
  /**
   * Score each label on its own (several may be true), instead of scores that add up to 1.
   * @default false
   */
  multiLabel?: boolean | undefined;
  /**
   * The sentence each label is tried in, with `{}` where the label goes.
   * @default "This example is {}."
   * @example "This review is about {}."
   */
  hypothesisTemplate?: string | undefined;
}

/** The labels with their scores, best first as the server orders them. */
export type ZeroShotClassificationOutput = { label: string; score: number }[];

interface ServerAnswer {
  labels: string[];
  scores: number[];
}

/**
 * Classifies a text into labels of your choosing, with no training for them.
 * @example
 * const labels = await zeroShotClassification(createClient(), "I would like to get reimbursed!", ["refund", "legal", "faq"], {
 *   model: "facebook/bart-large-mnli",
 * });
 */
export const zeroShotClassification = defineTask(
  { taskName: "zero-shot-classification", methodName: "zeroShotClassification" },
  async (
    client: InferenceCore,
    text: string,
    labels: string[],
    options?: ZeroShotClassificationOptions,
  ): Promise<ZeroShotClassificationOutput> => {
    requireString(text, "text");
    requireLabels(labels);
    const { request, parameters } = splitOptions(options);
    const { multiLabel } = parameters;
    if (multiLabel !== undefined && typeof multiLabel !== "boolean") {
      throw new InferenceInputError({
        argument: "options.multiLabel",
        message: `expected a boolean, got ${typeof multiLabel}`,
      });
    }
    const { hypothesisTemplate } = parameters;
    if (
      hypothesisTemplate !== undefined &&
      !requireString(hypothesisTemplate, "options.hypothesisTemplate").includes("{}")
    ) {
      throw new InferenceInputError({
        argument: "options.hypothesisTemplate",
        message: 'expected `{}` where the label goes, as in "This example is {}."',
      });
    }
    // JSON leaves out `multi_label` and `hypothesis_template` when undefined, so each is sent only when set.
    const json = {
      inputs: text,
      parameters: {
        candidate_labels: labels.join(","),
        multi_label: multiLabel,
        hypothesis_template: hypothesisTemplate,
      },
    };
    const response = await client.post({ task: "zero-shot-classification", json }, request);
    const body = await response.json();
    // One input gives `{sequence, labels, scores}`; some servers wrap it in a list.
    const answer: unknown = Array.isArray(body) && body.length === 1 ? body[0] : body;
    expectOutput(isAnswer(answer), "zero-shot-classification", "{sequence, labels: string[], scores: number[]}", body);
    const { labels: ranked, scores } = answer as ServerAnswer;
    return ranked.map((label, index) => ({ label, score: scores[index] as number }));
  },
);

/** At least two labels; none empty or holding a comma, since they travel as one comma-joined string. */
function requireLabels(labels: unknown): asserts labels is string[] {
  requireStringArray(labels, "labels", 2);
  for (const label of labels as string[]) {
    if (label.trim() === "") throw new InferenceInputError({ argument: "labels", message: "a label cannot be empty" });
    if (label.includes(",")) {
      throw new InferenceInputError({
        argument: "labels",
        message: `a label cannot contain a comma (they are sent comma-joined): ${JSON.stringify(label)}`,
      });
    }
  }
}

function isAnswer(value: unknown): value is ServerAnswer {
  if (!isObject(value)) return false;
  const { labels, scores } = value;
  return (
    Array.isArray(labels) &&
    Array.isArray(scores) &&
    labels.length === scores.length &&
    labels.every((label) => typeof label === "string") &&
    scores.every((score) => typeof score === "number")
  );
}
