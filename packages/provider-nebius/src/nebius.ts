import { defineProvider, openAiChat, openAiCompletions, openAiEmbeddings, openAiImages } from "@infer/core/task-kit";

/**
 * nebius: chat-completion, text-generation, text-to-image, feature-extraction. Register it with `createClient().with(task, nebius)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/nebius/…`); with nebius's own key
 * straight to https://api.studio.nebius.ai.
 */
export const nebius = defineProvider({
  providerName: "nebius",
  baseUrl: "https://api.studio.nebius.ai",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "text-generation": openAiCompletions("/v1/completions"),
    "text-to-image": openAiImages("/v1/images/generations", "b64_json"),
    "feature-extraction": openAiEmbeddings("/v1/embeddings"),
  },
});
