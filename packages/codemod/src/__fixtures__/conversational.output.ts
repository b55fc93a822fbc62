import { KNOWN_TASKS } from "@infer/compat";
import { InferenceClient } from "@infer/inference";

const chat = new InferenceClient({ model: "microsoft/DialoGPT-large" });
const painter = new InferenceClient({ model: "stabilityai/stable-diffusion-2" });

const reply = await chat.conversational(
  "Can you explain why?", { pastUserInputs: ["Which movie is the best?"], generatedResponses: ["It is Die Hard for sure."], parameters: { max_length: 50 } },
);
console.log(reply.generated_text, reply.conversation.past_user_inputs, KNOWN_TASKS.has("conversational"));

const image: Blob = await painter.textToImage("An astronaut riding a horse", { negativePrompt: "blurry", numInferenceSteps: 25 });
console.log(image.type, image.size);
