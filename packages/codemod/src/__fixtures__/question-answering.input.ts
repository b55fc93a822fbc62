import { InferenceApi } from "@infer/compat";

const token = process.env["HF_TOKEN"] ?? "";
const reader = new InferenceApi("deepset/roberta-base-squad2", { task: "question-answering", token });
const similarity = new InferenceApi("sentence-transformers/paraphrase-xlm-r-multilingual-v1", { task: "sentence-similarity", token });

const question = "What is the capital of France?";
const { answer, score } = await reader({ question, context: "The capital of France is Paris." });
console.log(answer, score);

const scores = await similarity({
  source_sentence: "That is a happy person",
  sentences: ["That is a happy dog", "Today is a sunny day"],
});
console.log(scores.map((value: number) => value.toFixed(2)));
