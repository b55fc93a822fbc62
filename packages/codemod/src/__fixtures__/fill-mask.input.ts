import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("bert-base-uncased", { task: "fill-mask", token: process.env["HF_TOKEN"] ?? "" });

const candidates = await inference("The goal of life is [MASK].");
for (const candidate of candidates) {
  console.log(candidate.token_str, candidate.score);
}
