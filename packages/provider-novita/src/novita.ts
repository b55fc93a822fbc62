import { defineProvider, openAiChat, openAiCompletions } from "@infer/core/task-kit";

/**
 * novita: chat-completion, text-generation. Register it with `createClient().with(task, novita)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/novita/…`); with novita's own key
 * straight to https://api.novita.ai.
 */
export const novita = defineProvider({
  providerName: "novita",
  baseUrl: "https://api.novita.ai",
  tasks: {
    "chat-completion": openAiChat("/v3/openai/chat/completions"),
    "text-generation": openAiCompletions("/v3/openai/completions"),
  },
});
