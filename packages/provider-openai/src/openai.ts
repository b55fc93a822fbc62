import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * openai: chat-completion. Register it with `createClient().with(task, openai)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/openai/…`) (not for openai: its own key only); with openai's own key
 * straight to https://api.openai.com.
 */
export const openai = defineProvider({
  providerName: "openai",
  baseUrl: "https://api.openai.com",
  access: "direct",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
  },
});
