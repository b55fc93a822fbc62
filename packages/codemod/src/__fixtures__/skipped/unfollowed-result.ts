// expect: the answer is used in a way the codemod cannot follow
import { InferenceApi } from "@infer/compat";

const generator = new InferenceApi("gpt2", { task: "text-generation" });
const [first] = await generator("Once upon a time");
console.log(first.generated_text);
