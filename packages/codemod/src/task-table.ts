/** One step of a path into a legacy answer: `[0]` or `.name`. */
export type PathStep = { index: number } | { property: string };

/**
 * How one use of a legacy answer is rewritten: where the legacy answer had `path`, the new one needs
 * `suffix` (empty when the new method already returns what the path led to).
 */
export interface ResultRewrite {
  path: readonly PathStep[];
  suffix: string;
}

/** How the legacy `inputs` argument maps onto the new method's arguments. */
export type InputsMapping =
  /** `inputs` is the first argument as it is. */
  | { kind: "value" }
  /**
   * `inputs` is an object literal whose fields become positional arguments (`positional`, in order,
   * all required) and options (`options`: legacy field → option name).
   */
  | { kind: "fields"; positional: readonly string[]; options?: Readonly<Record<string, string>> };

/** How the legacy `params` argument maps onto the new method's arguments. */
export type ParametersMapping =
  /** The method takes no parameters: a call with params cannot be rewritten. */
  | { kind: "none" }
  /** Each legacy parameter becomes an option: legacy snake_case name → option name. */
  | { kind: "options"; names: Readonly<Record<string, string>>; positional?: readonly string[] }
  /** The whole params object is passed as the `parameters` option, names untouched. */
  | { kind: "nested" };

export interface TaskEntry {
  /** The `InferenceClient` method. */
  method: string;
  inputs: InputsMapping;
  parameters: ParametersMapping;
  /**
   * `undefined`: the new method returns what the legacy call did. Otherwise each use of the answer must
   * match one of these rewrites, or the file is left alone.
   */
  result?: readonly ResultRewrite[];
  /** What changed in the answer, for the report. */
  resultChange?: string;
}

const unwrap = (property: string): readonly ResultRewrite[] => [{ path: [{ index: 0 }, { property }], suffix: "" }];

// Legacy text-generation parameters that InferenceClient's textGeneration() takes, as camelCase options.
// `details` and `decoder_input_details` change what the call returns, so they are left out.
const TEXT_GENERATION_PARAMETERS = Object.fromEntries([
  ["do_sample", "doSample"],
  ["max_new_tokens", "maxNewTokens"],
  ["repetition_penalty", "repetitionPenalty"],
  ["return_full_text", "returnFullText"],
  ["stop", "stop"],
  ["seed", "seed"],
  ["temperature", "temperature"],
  ["top_k", "topK"],
  ["top_p", "topP"],
  ["truncate", "truncate"],
  ["typical_p", "typicalP"],
  ["best_of", "bestOf"],
  ["watermark", "watermark"],
] as const);

/**
 * The tasks the codemod rewrites, by legacy task name. The method names are `InferenceClient`'s; this
 * table is the codemod's only knowledge of the task packages (it imports none of them). Tasks missing
 * here take binary `data` in legacy code, or have no safe rewrite.
 */
export const TASKS: Readonly<Record<string, TaskEntry>> = {
  "fill-mask": { method: "fillMask", inputs: { kind: "value" }, parameters: { kind: "none" } },
  "text-classification": {
    method: "textClassification",
    inputs: { kind: "value" },
    parameters: { kind: "none" },
    result: [{ path: [{ index: 0 }], suffix: "" }],
    resultChange: "the labels, no longer wrapped in a list: `result[0]` is now `result`",
  },
  "token-classification": { method: "tokenClassification", inputs: { kind: "value" }, parameters: { kind: "none" } },
  "feature-extraction": { method: "featureExtraction", inputs: { kind: "value" }, parameters: { kind: "none" } },
  "sentence-similarity": {
    method: "sentenceSimilarity",
    inputs: { kind: "fields", positional: ["source_sentence", "sentences"] },
    parameters: { kind: "none" },
  },
  "question-answering": {
    method: "questionAnswering",
    inputs: { kind: "fields", positional: ["question", "context"] },
    parameters: { kind: "none" },
  },
  "table-question-answering": {
    method: "tableQuestionAnswering",
    inputs: { kind: "fields", positional: ["table", "query"] },
    parameters: { kind: "none" },
  },
  conversational: {
    method: "conversational",
    inputs: {
      kind: "fields",
      positional: ["text"],
      options: { generated_responses: "generatedResponses", past_user_inputs: "pastUserInputs" },
    },
    parameters: { kind: "nested" },
  },
  summarization: {
    method: "summarization",
    inputs: { kind: "value" },
    parameters: { kind: "nested" },
    result: unwrap("summary_text"),
    resultChange: "the summary as a string: `result[0].summary_text` is now `result`",
  },
  translation: {
    method: "translation",
    inputs: { kind: "value" },
    parameters: { kind: "options", names: { src_lang: "srcLang", tgt_lang: "tgtLang" } },
    result: unwrap("translation_text"),
    resultChange: "the translation as a string: `result[0].translation_text` is now `result`",
  },
  "text-generation": {
    method: "textGeneration",
    inputs: { kind: "value" },
    parameters: { kind: "options", names: TEXT_GENERATION_PARAMETERS },
    result: unwrap("generated_text"),
    resultChange: "the generated text as a string: `result[0].generated_text` is now `result`",
  },
  "zero-shot-classification": {
    method: "zeroShotClassification",
    inputs: { kind: "value" },
    parameters: { kind: "options", names: { multi_label: "multiLabel" }, positional: ["candidate_labels"] },
    result: [
      { path: [{ property: "labels" }], suffix: ".map((entry) => entry.label)" },
      { path: [{ property: "scores" }], suffix: ".map((entry) => entry.score)" },
    ],
    resultChange: "a list of {label, score}: `result.labels` and `result.scores` are now mapped from it",
  },
  "text-to-image": {
    method: "textToImage",
    inputs: { kind: "value" },
    parameters: {
      kind: "options",
      names: {
        negative_prompt: "negativePrompt",
        height: "height",
        width: "width",
        num_inference_steps: "numInferenceSteps",
        guidance_scale: "guidanceScale",
      },
    },
  },
  "text-to-speech": { method: "textToSpeech", inputs: { kind: "value" }, parameters: { kind: "none" } },
};

/** The legacy client options `new InferenceClient()` takes under the same name. */
export const CLIENT_OPTIONS: ReadonlySet<string> = new Set(["token", "endpoint", "hubEndpoint", "fetch", "dispatcher"]);
