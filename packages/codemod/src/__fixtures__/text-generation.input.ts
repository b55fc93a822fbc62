import { InferenceApi as LegacyApi } from "@infer/compat";

const generator = new LegacyApi("gpt2", { task: "text-generation", token: "hf_xxx", gpu: false });

export async function complete(prompt: string): Promise<string> {
  const output = await generator(prompt, { max_new_tokens: 20, temperature: 0.7, do_sample: true });
  return output[0].generated_text;
}

export async function shout(prompt: string): Promise<string> {
  return (await generator(prompt))[0].generated_text.toUpperCase();
}

console.log((await generator("The answer to the universe is"))[0].generated_text);
