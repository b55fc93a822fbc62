import { InferenceApi } from "@infer/compat";

const classifier = new InferenceApi("facebook/bart-large-mnli", { task: "zero-shot-classification" });

const text = "Hi, I recently bought a device from your company but it is not working as advertised.";
const result = await classifier(text, { candidate_labels: "refund, legal, faq", multi_label: true });
console.log(`best label: ${result.labels[0]} (${result.scores[0]})`);
