// Every task the page offers: its inputs, how to call it (each task package is loaded on first use, so the
// first page load carries core and the page alone), how its answer is shown, and the code of the same call.
import type { CoreClient } from "@infer/core";

/** A table by columns, as the tabular and table-QA tasks take it. */
export type TableValue = Record<string, string[]>;
/** What an input field holds. */
export type FieldValue = string | File | TableValue | undefined;
export type Values = Record<string, FieldValue>;

export type FieldKind = "text" | "textarea" | "image" | "audio" | "labels" | "lines" | "table" | "number";

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  /** Default text, number (as text) or table. */
  initial?: string | TableValue;
}

/** How an answer is shown (see render.ts). */
export type OutputKind =
  | "labels"
  | "text"
  | "stream"
  | "image"
  | "audio"
  | "boxes"
  | "masks"
  | "entities"
  | "answer"
  | "table-answer"
  | "vector"
  | "scores"
  | "predictions"
  | "json";

// A task function of any shape: the page checks inputs itself and passes them through.
type AnyTask = (client: CoreClient, ...args: unknown[]) => Promise<unknown>;

export interface TaskSpec {
  /** The pipeline tag, as `GET /api/tasks` names it. */
  id: string;
  title: string;
  packageName: string;
  exportName: string;
  /** Tasks of `/api/tasks` whose recommended models suit this one, in order. */
  modelTasks?: string[];
  fields: Field[];
  output: OutputKind;
  /** The call's arguments after the client, and the options beyond `model`/`provider`. */
  args(values: Values): unknown[];
  options?(values: Values): Record<string, unknown>;
  /** Loads the task function. */
  load(): Promise<AnyTask>;
}

const text = (name: string, label: string, initial: string): Field => ({ name, label, kind: "text", initial });
const area = (name: string, label: string, initial: string): Field => ({ name, label, kind: "textarea", initial });
const image: Field = { name: "image", label: "Image", kind: "image" };
const audio: Field = { name: "audio", label: "Audio", kind: "audio" };
const str = (values: Values, name: string): string =>
  typeof values[name] === "string" ? (values[name] as string) : "";
const list = (values: Values, name: string): string[] =>
  str(values, name)
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
const lines = (values: Values, name: string): string[] =>
  str(values, name)
    .split("\n")
    .map((item) => item.trim())
    .filter(Boolean);
const number = (values: Values, name: string): number | undefined => {
  const value = str(values, name).trim();
  return value === "" ? undefined : Number(value);
};
const as = (load: Promise<unknown>) => load as Promise<AnyTask>;

const WINE: TableValue = {
  fixed_acidity: ["7.4", "7.8", "10.3"],
  volatile_acidity: ["0.7", "0.88", "0.32"],
  citric_acid: ["0", "0", "0.45"],
  residual_sugar: ["1.9", "2.6", "6.4"],
  chlorides: ["0.076", "0.098", "0.073"],
  free_sulfur_dioxide: ["11", "25", "5"],
  total_sulfur_dioxide: ["34", "67", "13"],
  density: ["0.9978", "0.9968", "0.9976"],
  pH: ["3.51", "3.2", "3.23"],
  sulphates: ["0.56", "0.68", "0.82"],
  alcohol: ["9.4", "9.8", "12.6"],
};
const FISH: TableValue = {
  Height: ["11.52", "12.48", "12.3778"],
  Length1: ["23.2", "24", "23.9"],
  Length2: ["25.4", "26.3", "26.5"],
  Length3: ["30", "31.2", "31.1"],
  Width: ["4.02", "4.3056", "4.6961"],
};
const REPOSITORIES: TableValue = {
  Repository: ["Transformers", "Datasets", "Tokenizers"],
  Stars: ["36542", "4512", "3934"],
  Contributors: ["651", "77", "34"],
  "Programming language": ["Python", "Python", "Rust, Python and NodeJS"],
};

export const TASKS: TaskSpec[] = [
  {
    id: "text-classification",
    title: "Text classification",
    packageName: "@infer/task-text-classification",
    exportName: "textClassification",
    fields: [area("text", "Text", "I like you. I love you.")],
    output: "labels",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-text-classification").then((m) => m.textClassification)),
  },
  {
    id: "text-generation",
    title: "Text generation (streamed)",
    packageName: "@infer/task-text-generation",
    exportName: "textGeneration",
    fields: [
      area("prompt", "Prompt", "The answer to the universe is"),
      { name: "maxNewTokens", label: "Max new tokens", kind: "number", initial: "20" },
    ],
    output: "stream",
    args: (v) => [str(v, "prompt")],
    options: (v) => ({ stream: true, maxNewTokens: number(v, "maxNewTokens") }),
    load: () => as(import("@infer/task-text-generation").then((m) => m.textGeneration)),
  },
  {
    id: "chat-completion",
    title: "Chat completion (streamed)",
    packageName: "@infer/task-chat-completion",
    exportName: "chatCompletion",
    modelTasks: ["chat-completion", "conversational", "text-generation"],
    fields: [
      text("system", "System prompt", "You are a helpful assistant."),
      area("message", "Message", "What is the capital of France?"),
      { name: "maxTokens", label: "Max tokens", kind: "number", initial: "40" },
    ],
    output: "stream",
    args: (v) => [
      {
        messages: [
          ...(str(v, "system") ? [{ role: "system", content: str(v, "system") }] : []),
          { role: "user", content: str(v, "message") },
        ],
        maxTokens: number(v, "maxTokens"),
        stream: true,
      },
    ],
    load: () => as(import("@infer/task-chat-completion").then((m) => m.chatCompletion)),
  },
  {
    id: "summarization",
    title: "Summarization",
    packageName: "@infer/task-summarization",
    exportName: "summarization",
    fields: [
      area(
        "text",
        "Text",
        "The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building, and the tallest structure in Paris. Its base is square, measuring 125 metres (410 ft) on each side.",
      ),
    ],
    output: "text",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-summarization").then((m) => m.summarization)),
  },
  {
    id: "translation",
    title: "Translation",
    packageName: "@infer/task-translation",
    exportName: "translation",
    fields: [area("text", "Text", "My name is Wolfgang and I live in Berlin")],
    output: "text",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-translation").then((m) => m.translation)),
  },
  {
    id: "fill-mask",
    title: "Fill mask",
    packageName: "@infer/task-fill-mask",
    exportName: "fillMask",
    fields: [text("text", "Text with a mask token", "[MASK] world!")],
    output: "labels",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-fill-mask").then((m) => m.fillMask)),
  },
  {
    id: "token-classification",
    title: "Token classification",
    packageName: "@infer/task-token-classification",
    exportName: "tokenClassification",
    fields: [area("text", "Text", "My name is Sarah Jessica Parker but you can call me Jessica")],
    output: "entities",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-token-classification").then((m) => m.tokenClassification)),
  },
  {
    id: "question-answering",
    title: "Question answering",
    packageName: "@infer/task-question-answering",
    exportName: "questionAnswering",
    fields: [
      text("question", "Question", "What is the capital of France?"),
      area("context", "Context", "The capital of France is Paris."),
    ],
    output: "answer",
    args: (v) => [str(v, "question"), str(v, "context")],
    load: () => as(import("@infer/task-question-answering").then((m) => m.questionAnswering)),
  },
  {
    id: "zero-shot-classification",
    title: "Zero-shot classification",
    packageName: "@infer/task-zero-shot-classification",
    exportName: "zeroShotClassification",
    fields: [
      area(
        "text",
        "Text",
        "Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!",
      ),
      { name: "labels", label: "Candidate labels (comma-separated)", kind: "labels", initial: "refund, legal, faq" },
    ],
    output: "labels",
    args: (v) => [str(v, "text"), list(v, "labels")],
    load: () => as(import("@infer/task-zero-shot-classification").then((m) => m.zeroShotClassification)),
  },
  {
    id: "sentence-similarity",
    title: "Sentence similarity",
    packageName: "@infer/task-sentence-similarity",
    exportName: "sentenceSimilarity",
    fields: [
      text("sentence", "Sentence", "That is a happy person"),
      {
        name: "others",
        label: "Compare with (one per line)",
        kind: "lines",
        initial: "That is a happy dog\nThat is a very happy person\nToday is a sunny day",
      },
    ],
    output: "scores",
    args: (v) => [str(v, "sentence"), lines(v, "others")],
    load: () => as(import("@infer/task-sentence-similarity").then((m) => m.sentenceSimilarity)),
  },
  {
    id: "feature-extraction",
    title: "Feature extraction",
    packageName: "@infer/task-feature-extraction",
    exportName: "featureExtraction",
    fields: [text("text", "Text", "That is a happy person")],
    output: "vector",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-feature-extraction").then((m) => m.featureExtraction)),
  },
  {
    id: "conversational",
    title: "Conversational (legacy)",
    packageName: "@infer/task-conversational",
    exportName: "conversational",
    fields: [text("text", "Message", "Which movie is the best ?")],
    output: "json",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-conversational").then((m) => m.conversational)),
  },
  {
    id: "text-to-image",
    title: "Text to image",
    packageName: "@infer/task-text-to-image",
    exportName: "textToImage",
    fields: [area("prompt", "Prompt", "An astronaut riding a horse on the moon.")],
    output: "image",
    args: (v) => [str(v, "prompt")],
    load: () => as(import("@infer/task-text-to-image").then((m) => m.textToImage)),
  },
  {
    id: "text-to-speech",
    title: "Text to speech",
    packageName: "@infer/task-text-to-speech",
    exportName: "textToSpeech",
    fields: [area("text", "Text", "hello there!")],
    output: "audio",
    args: (v) => [str(v, "text")],
    load: () => as(import("@infer/task-text-to-speech").then((m) => m.textToSpeech)),
  },
  {
    id: "image-classification",
    title: "Image classification",
    packageName: "@infer/task-image-classification",
    exportName: "imageClassification",
    fields: [image],
    output: "labels",
    args: (v) => [v["image"]],
    load: () => as(import("@infer/task-image-classification").then((m) => m.imageClassification)),
  },
  {
    id: "object-detection",
    title: "Object detection",
    packageName: "@infer/task-object-detection",
    exportName: "objectDetection",
    fields: [image],
    output: "boxes",
    args: (v) => [v["image"]],
    load: () => as(import("@infer/task-object-detection").then((m) => m.objectDetection)),
  },
  {
    id: "image-segmentation",
    title: "Image segmentation",
    packageName: "@infer/task-image-segmentation",
    exportName: "imageSegmentation",
    fields: [image],
    output: "masks",
    args: (v) => [v["image"]],
    load: () => as(import("@infer/task-image-segmentation").then((m) => m.imageSegmentation)),
  },
  {
    id: "image-to-text",
    title: "Image to text",
    packageName: "@infer/task-image-to-text",
    exportName: "imageToText",
    fields: [image],
    output: "text",
    args: (v) => [v["image"]],
    load: () => as(import("@infer/task-image-to-text").then((m) => m.imageToText)),
  },
  {
    id: "image-to-image",
    title: "Image to image",
    packageName: "@infer/task-image-to-image",
    exportName: "imageToImage",
    fields: [image, text("prompt", "Prompt", "a bird in a jungle, oil painting")],
    output: "image",
    args: (v) => [v["image"]],
    options: (v) => ({ prompt: str(v, "prompt") || undefined }),
    load: () => as(import("@infer/task-image-to-image").then((m) => m.imageToImage)),
  },
  {
    id: "zero-shot-image-classification",
    title: "Zero-shot image classification",
    packageName: "@infer/task-zero-shot-image-classification",
    exportName: "zeroShotImageClassification",
    fields: [
      image,
      { name: "labels", label: "Candidate labels (comma-separated)", kind: "labels", initial: "animal, car, person" },
    ],
    output: "labels",
    args: (v) => [v["image"], list(v, "labels")],
    load: () => as(import("@infer/task-zero-shot-image-classification").then((m) => m.zeroShotImageClassification)),
  },
  {
    id: "visual-question-answering",
    title: "Visual question answering",
    packageName: "@infer/task-visual-question-answering",
    exportName: "visualQuestionAnswering",
    fields: [image, text("question", "Question", "What animal is this?")],
    output: "labels",
    args: (v) => [v["image"], str(v, "question")],
    load: () => as(import("@infer/task-visual-question-answering").then((m) => m.visualQuestionAnswering)),
  },
  {
    id: "document-question-answering",
    title: "Document question answering",
    packageName: "@infer/task-document-question-answering",
    exportName: "documentQuestionAnswering",
    fields: [{ ...image, label: "Document image" }, text("question", "Question", "What is the invoice number?")],
    output: "answer",
    args: (v) => [v["image"], str(v, "question")],
    load: () => as(import("@infer/task-document-question-answering").then((m) => m.documentQuestionAnswering)),
  },
  {
    id: "automatic-speech-recognition",
    title: "Speech recognition",
    packageName: "@infer/task-automatic-speech-recognition",
    exportName: "automaticSpeechRecognition",
    fields: [audio],
    output: "text",
    args: (v) => [v["audio"]],
    load: () => as(import("@infer/task-automatic-speech-recognition").then((m) => m.automaticSpeechRecognition)),
  },
  {
    id: "audio-classification",
    title: "Audio classification",
    packageName: "@infer/task-audio-classification",
    exportName: "audioClassification",
    fields: [audio],
    output: "labels",
    args: (v) => [v["audio"]],
    load: () => as(import("@infer/task-audio-classification").then((m) => m.audioClassification)),
  },
  {
    id: "table-question-answering",
    title: "Table question answering",
    packageName: "@infer/task-table-question-answering",
    exportName: "tableQuestionAnswering",
    fields: [
      { name: "table", label: "Table", kind: "table", initial: REPOSITORIES },
      text("query", "Question", "How many stars does the transformers repository have?"),
    ],
    output: "table-answer",
    args: (v) => [v["table"], str(v, "query")],
    load: () => as(import("@infer/task-table-question-answering").then((m) => m.tableQuestionAnswering)),
  },
  {
    id: "tabular-classification",
    title: "Tabular classification",
    packageName: "@infer/task-tabular-classification",
    exportName: "tabularClassification",
    fields: [{ name: "table", label: "Rows to classify", kind: "table", initial: WINE }],
    output: "predictions",
    args: (v) => [v["table"]],
    load: () => as(import("@infer/task-tabular-classification").then((m) => m.tabularClassification)),
  },
  {
    id: "tabular-regression",
    title: "Tabular regression",
    packageName: "@infer/task-tabular-regression",
    exportName: "tabularRegression",
    fields: [{ name: "table", label: "Rows to predict", kind: "table", initial: FISH }],
    output: "predictions",
    args: (v) => [v["table"]],
    load: () => as(import("@infer/task-tabular-regression").then((m) => m.tabularRegression)),
  },
];

export function findTask(id: string | null | undefined): TaskSpec | undefined {
  return TASKS.find((task) => task.id === id);
}
