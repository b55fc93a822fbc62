// expect: the task is not known at compile time
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("bert-base-uncased", { task: process.env["TASK"] ?? "fill-mask" });
console.log(await inference("The goal of life is [MASK]."));
