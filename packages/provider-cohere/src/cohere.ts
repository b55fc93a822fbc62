import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * cohere: chat-completion. Register it with `createClient().with(task, cohere)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/cohere/…`); with cohere's own key
 * straight to https://api.cohere.com.
 */
export const cohere = defineProvider({
  providerName: "cohere",
  baseUrl: "https://api.cohere.com",
  tasks: {
    "chat-completion": openAiChat("/compatibility/v1/chat/completions"),
  },
});
