// expect: the call passes `data` or `rawResponse`
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("gpt2", { task: "text-generation" });
const response = await inference("Hello", undefined, undefined, true);
console.log(response.status);
