// expect: no `task` option, so the task is looked up on the Hub at run time
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("bert-base-uncased");
console.log(await inference("The goal of life is [MASK]."));
