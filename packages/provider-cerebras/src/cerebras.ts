import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * cerebras: chat-completion. Register it with `createClient().with(task, cerebras)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/cerebras/…`); with cerebras's own key
 * straight to https://api.cerebras.ai.
 */
export const cerebras = defineProvider({
  providerName: "cerebras",
  baseUrl: "https://api.cerebras.ai",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
  },
});
