import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * publicai: chat-completion. Register it with `createClient().with(task, publicai)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/publicai/…`); with publicai's own key
 * straight to https://api.publicai.co.
 */
export const publicai = defineProvider({
  providerName: "publicai",
  baseUrl: "https://api.publicai.co",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
  },
});
