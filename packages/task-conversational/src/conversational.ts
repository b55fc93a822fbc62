import { InferenceInputError, type InferenceCore, type RequestOptions } from "@infer/core";
import {
  defineTask,
  expectOutput,
  isObject,
  requireString,
  requireStringArray,
  splitOptions,
} from "@infer/core/task-kit";

/**
 * Generation parameters, sent as they are (the server's snake_case names). The usual ones are listed;
 * any other the model accepts may be added.
 */
export interface ConversationalParameters {
  /** The shortest response, in tokens. */
  min_length?: number | undefined;
  /** The longest response, in tokens. */
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

/** Options of `conversational()`. */
export interface ConversationalOptions extends RequestOptions {
  /**
   * The model's earlier responses, oldest first; pass the previous answer's `conversation.generated_responses`.
   * @example ["It is Die Hard for sure."]
   */
  generatedResponses?: string[] | undefined;
  /**
   * The user's earlier messages, oldest first; pass the previous answer's `conversation.past_user_inputs`.
   * @example ["Which movie is the best ?"]
   */
  pastUserInputs?: string[] | undefined;
  /**
   * Generation parameters, passed through to the server as they are.
   * @example { max_length: 50 }
   */
  parameters?: ConversationalParameters | undefined;
}

/** The model's response and the conversation so far; fields the server adds beyond these are kept. */
export interface ConversationalOutput {
  /** The model's response to `text`. */
  generated_text: string;
  /** The whole conversation, this turn included: pass it back for the next turn. */
  conversation: {
    generated_responses: string[];
    past_user_inputs: string[];
  };
  /** The server's warnings about the generation. */
  warnings: string[];
}

/**
 * Answers the user's next message in a conversation.
 * @example
 * const reply = await conversational(createClient(), "Can you explain why ?", {
 *   model: "microsoft/DialoGPT-large",
 *   pastUserInputs: ["Which movie is the best ?"],
 *   generatedResponses: ["It is Die Hard for sure."],
 * });
 */
export const conversational = defineTask(
  { taskName: "conversational", methodName: "conversational" },
  async (client: InferenceCore, text: string, options?: ConversationalOptions): Promise<ConversationalOutput> => {
    requireString(text, "text");
    const { request, parameters: taskOptions } = splitOptions(options);
    const { generatedResponses, pastUserInputs, parameters } = taskOptions;
    if (generatedResponses !== undefined) requireStringArray(generatedResponses, "options.generatedResponses", 0);
    if (pastUserInputs !== undefined) requireStringArray(pastUserInputs, "options.pastUserInputs", 0);
    if (parameters !== undefined && !isObject(parameters)) {
      throw new InferenceInputError({ argument: "options.parameters", message: "expected an object" });
    }
    const inputs: Record<string, unknown> = { text };
    if (generatedResponses !== undefined) inputs["generated_responses"] = generatedResponses;
    if (pastUserInputs !== undefined) inputs["past_user_inputs"] = pastUserInputs;
    const json: Record<string, unknown> = { inputs };
    if (parameters !== undefined && Object.keys(parameters).length > 0) json["parameters"] = parameters;
    const response = await client.post({ task: "conversational", json }, request);
    const body = await response.json();
    return expectOutput(body, isConversationalOutput, "conversational", "{generated_text, conversation, warnings}");
  },
);

function isConversationalOutput(value: unknown): value is ConversationalOutput {
  if (!isObject(value) || typeof value["generated_text"] !== "string" || !Array.isArray(value["warnings"]))
    return false;
  const conversation = value["conversation"];
  return (
    isObject(conversation) &&
    Array.isArray(conversation["generated_responses"]) &&
    Array.isArray(conversation["past_user_inputs"])
  );
}
