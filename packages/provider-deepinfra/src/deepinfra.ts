import { defineProvider, openAiChat, openAiEmbeddings } from "@infer/core/task-kit";

/**
 * deepinfra: chat-completion, feature-extraction. Register it with `createClient().with(task, deepinfra)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/deepinfra/…`); with deepinfra's own key
 * straight to https://api.deepinfra.com.
 */
export const deepinfra = defineProvider({
  providerName: "deepinfra",
  baseUrl: "https://api.deepinfra.com",
  tasks: {
    "chat-completion": openAiChat("/v1/openai/chat/completions"),
    "feature-extraction": openAiEmbeddings("/v1/openai/embeddings"),
  },
});
