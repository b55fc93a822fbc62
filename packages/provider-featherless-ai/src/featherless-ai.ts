import { defineProvider, openAiChat, openAiCompletions } from "@infer/core/task-kit";

/**
 * featherless-ai: chat-completion, text-generation. Register it with `createClient().with(task, featherlessAi)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/featherless-ai/…`); with featherless-ai's own key
 * straight to https://api.featherless.ai.
 */
export const featherlessAi = defineProvider({
  providerName: "featherless-ai",
  baseUrl: "https://api.featherless.ai",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "text-generation": openAiCompletions("/v1/completions"),
  },
});
