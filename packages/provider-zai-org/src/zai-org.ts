import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * zai-org: chat-completion. Register it with `createClient().with(task, zaiOrg)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/zai-org/…`); with zai-org's own key
 * straight to https://api.z.ai.
 */
export const zaiOrg = defineProvider({
  providerName: "zai-org",
  baseUrl: "https://api.z.ai",
  tasks: {
    "chat-completion": openAiChat("/api/paas/v4/chat/completions", { "accept-language": "en-US,en" }),
  },
});
