// expect: `gpu` has no InferenceClient equivalent
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("gpt2", { task: "text-generation", gpu: true });
console.log((await inference("Hello"))[0].generated_text);
