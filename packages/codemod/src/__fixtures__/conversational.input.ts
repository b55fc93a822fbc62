import { InferenceApi, KNOWN_TASKS } from "@infer/compat";

const chat = new InferenceApi("microsoft/DialoGPT-large", { task: "conversational" });
const painter = new InferenceApi("stabilityai/stable-diffusion-2", { task: "text-to-image" });

const reply = await chat(
  { text: "Can you explain why?", past_user_inputs: ["Which movie is the best?"], generated_responses: ["It is Die Hard for sure."] },
  { max_length: 50 },
);
console.log(reply.generated_text, reply.conversation.past_user_inputs, KNOWN_TASKS.has("conversational"));

const image: Blob = await painter("An astronaut riding a horse", { negative_prompt: "blurry", num_inference_steps: 25 });
console.log(image.type, image.size);
