import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * fireworks-ai: chat-completion. Register it with `createClient().with(task, fireworksAi)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/fireworks-ai/…`); with fireworks-ai's own key
 * straight to https://api.fireworks.ai.
 */
export const fireworksAi = defineProvider({
  providerName: "fireworks-ai",
  baseUrl: "https://api.fireworks.ai",
  tasks: {
    "chat-completion": openAiChat("/inference/v1/chat/completions"),
  },
});
