import { InferenceClient } from "@infer/inference";

const generator = new InferenceClient({ model: "gpt2", token: "hf_xxx" });

export async function complete(prompt: string): Promise<string> {
  const output = await generator.textGeneration(prompt, { maxNewTokens: 20, temperature: 0.7, doSample: true });
  return output;
}

export async function shout(prompt: string): Promise<string> {
  return (await generator.textGeneration(prompt)).toUpperCase();
}

console.log(await generator.textGeneration("The answer to the universe is"));
