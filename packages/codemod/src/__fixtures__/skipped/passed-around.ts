// expect: `inference` is used other than as a call
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("bert-base-uncased", { task: "fill-mask" });
async function run(api: (inputs: string) => Promise<unknown>) {
  return api("Paris is the [MASK] of France.");
}
console.log(await run(inference));
