import { InferenceClient } from "@infer/inference";

const classifier = new InferenceClient({ model: "facebook/bart-large-mnli" });

const text = "Hi, I recently bought a device from your company but it is not working as advertised.";
const result = await classifier.zeroShotClassification(text, ["refund", "legal", "faq"], { multiLabel: true });
console.log(`best label: ${result.map((entry) => entry.label)[0]} (${result.map((entry) => entry.score)[0]})`);
