// expect: @infer/compat is loaded with require()
const { InferenceApi } = require("@infer/compat");

const inference = new InferenceApi("bert-base-uncased", { task: "fill-mask" });
inference("The goal of life is [MASK].").then(console.log);
