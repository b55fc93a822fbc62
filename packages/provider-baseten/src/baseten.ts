import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * baseten: chat-completion. Register it with `createClient().with(task, baseten)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/baseten/…`); with baseten's own key
 * straight to https://inference.baseten.co.
 */
export const baseten = defineProvider({
  providerName: "baseten",
  baseUrl: "https://inference.baseten.co",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
  },
});
