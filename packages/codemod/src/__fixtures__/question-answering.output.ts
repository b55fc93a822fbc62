import { InferenceClient } from "@infer/inference";

const token = process.env["HF_TOKEN"] ?? "";
const reader = new InferenceClient({ model: "deepset/roberta-base-squad2", token });
const similarity = new InferenceClient({ model: "sentence-transformers/paraphrase-xlm-r-multilingual-v1", token });

const question = "What is the capital of France?";
const { answer, score } = await reader.questionAnswering(question, "The capital of France is Paris.");
console.log(answer, score);

const scores = await similarity.sentenceSimilarity("That is a happy person", ["That is a happy dog", "Today is a sunny day"]);
console.log(scores.map((value: number) => value.toFixed(2)));
