import { base64Image, defineProvider, isObject, openAiChat, openAiChatCompletions } from "@infer/core/task-kit";

/**
 * hyperbolic: chat-completion, text-generation (through its chat route) and text-to-image
 * (`{prompt, model_name, width, height, steps, cfg_scale}` → `images[0].image`, base64).
 */
export const hyperbolic = defineProvider({
  providerName: "hyperbolic",
  baseUrl: "https://api.hyperbolic.xyz",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "text-generation": openAiChatCompletions("/v1/chat/completions"),
    "text-to-image": {
      request: (input) => {
        const { num_inference_steps: steps, guidance_scale: cfgScale, ...rest } = input.parameters;
        return {
          path: "/v1/images/generations",
          body: { ...rest, steps, cfg_scale: cfgScale, prompt: input.json?.["inputs"], model_name: input.providerId },
        };
      },
      answer: async (body, tools) => {
        const images = isObject(body) ? body["images"] : undefined;
        const first: unknown = Array.isArray(images) ? images[0] : undefined;
        return base64Image(isObject(first) ? first["image"] : undefined, tools.input.task, body);
      },
    },
  },
});
