import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * groq: chat-completion. Register it with `createClient().with(task, groq)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/groq/…`); with groq's own key
 * straight to https://api.groq.com.
 */
export const groq = defineProvider({
  providerName: "groq",
  baseUrl: "https://api.groq.com",
  tasks: {
    "chat-completion": openAiChat("/openai/v1/chat/completions"),
  },
});
