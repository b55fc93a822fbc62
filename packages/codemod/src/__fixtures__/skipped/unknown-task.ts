// expect: no automatic rewrite for the task "image-classification"
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("google/vit-base-patch16-224", { task: "image-classification" });
console.log(await inference("https://example.com/cheetah.png"));
