import { InferenceClient } from "@infer/inference";

const inference = new InferenceClient({ model: "bert-base-uncased", token: process.env["HF_TOKEN"] ?? "" });

const candidates = await inference.fillMask("The goal of life is [MASK].");
for (const candidate of candidates) {
  console.log(candidate.token_str, candidate.score);
}
