import { defineProvider, openAiChat } from "@infer/core/task-kit";

/**
 * ovhcloud: chat-completion. Register it with `createClient().with(task, ovhcloud)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/ovhcloud/…`); with ovhcloud's own key
 * straight to https://oai.endpoints.kepler.ai.cloud.ovh.net.
 */
export const ovhcloud = defineProvider({
  providerName: "ovhcloud",
  baseUrl: "https://oai.endpoints.kepler.ai.cloud.ovh.net",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
  },
});
