// expect: the parameter `num_return_sequences` has no textGeneration() option
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("gpt2", { task: "text-generation" });
console.log((await inference("Hello", { num_return_sequences: 3 }))[0].generated_text);
