import { defineProvider, openAiChat, openAiEmbeddings } from "@infer/core/task-kit";

/**
 * scaleway: chat-completion, feature-extraction. Register it with `createClient().with(task, scaleway)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/scaleway/…`); with scaleway's own key
 * straight to https://api.scaleway.ai.
 */
export const scaleway = defineProvider({
  providerName: "scaleway",
  baseUrl: "https://api.scaleway.ai",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "feature-extraction": openAiEmbeddings("/v1/embeddings"),
  },
});
