// expect: reads `.error` on an answer
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("bert-base-uncased", { task: "fill-mask" });
const result = await inference("The goal of life is [MASK].");
if (result.error) console.error(result.error);
else console.log(result);
