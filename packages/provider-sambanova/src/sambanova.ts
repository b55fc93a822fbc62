import { defineProvider, openAiChat, openAiEmbeddings } from "@infer/core/task-kit";

/**
 * sambanova: chat-completion, feature-extraction. Register it with `createClient().with(task, sambanova)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/sambanova/…`); with sambanova's own key
 * straight to https://api.sambanova.ai.
 */
export const sambanova = defineProvider({
  providerName: "sambanova",
  baseUrl: "https://api.sambanova.ai",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "feature-extraction": openAiEmbeddings("/v1/embeddings"),
  },
});
