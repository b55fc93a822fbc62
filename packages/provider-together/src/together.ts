import { defineProvider, openAiChat, openAiCompletions, openAiEmbeddings, openAiImages } from "@infer/core/task-kit";

/**
 * together: chat-completion, text-generation, text-to-image, feature-extraction. Register it with `createClient().with(task, together)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/together/…`); with together's own key
 * straight to https://api.together.xyz.
 */
export const together = defineProvider({
  providerName: "together",
  baseUrl: "https://api.together.xyz",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "text-generation": openAiCompletions("/v1/completions"),
    "text-to-image": openAiImages("/v1/images/generations", "base64", { num_inference_steps: "steps" }),
    "feature-extraction": openAiEmbeddings("/v1/embeddings"),
  },
});
