import { PROVIDER_ROUTE, type InferenceProvider, type ProviderDefinition } from "./provider.js";
import { routeThroughProvider } from "./route.js";

/**
 * Makes a provider that `with()` takes beside tasks. Only a bundle that imports a provider carries the
 * routing through providers (mapping look-up, auth, polling, downloads).
 * @example
 * export const groq = defineProvider({
 *   providerName: "groq",
 *   baseUrl: "https://api.groq.com",
 *   tasks: { "chat-completion": openAiChat("/openai/v1/chat/completions") },
 * });
 */
export function defineProvider<const Name extends string>(
  definition: ProviderDefinition<Name>,
): InferenceProvider<Name> {
  return Object.freeze({ ...definition, [PROVIDER_ROUTE]: routeThroughProvider });
}
