// expect: the InferenceApi is exported
import { InferenceApi } from "@infer/compat";

export const inference = new InferenceApi("bert-base-uncased", { task: "fill-mask" });
