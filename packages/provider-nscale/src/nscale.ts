import { defineProvider, openAiChat, openAiImages } from "@infer/core/task-kit";

/**
 * nscale: chat-completion, text-to-image. Register it with `createClient().with(task, nscale)`.
 * With an `hf_` token calls go through the router (`{routerEndpoint}/nscale/…`); with nscale's own key
 * straight to https://inference.api.nscale.com.
 */
export const nscale = defineProvider({
  providerName: "nscale",
  baseUrl: "https://inference.api.nscale.com",
  tasks: {
    "chat-completion": openAiChat("/v1/chat/completions"),
    "text-to-image": openAiImages("/v1/images/generations", "b64_json"),
  },
});
