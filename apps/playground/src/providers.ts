// The Inference Providers the page offers beside hf-inference (built into core) and "auto": each one's
// package is loaded on first use, so a first visit carries none of them, nor core's routing through
// providers (only a provider's chunk pulls that in). Which tasks each serves is written here, so the
// provider list can follow the chosen task without loading anything; test/providers-table.test.ts checks
// it against the packages themselves.
import type { InferenceProvider } from "@infer/core";

export interface ProviderSpec {
  /** The provider's name, as the router and the Hub's mapping know it. */
  name: string;
  packageName: string;
  exportName: string;
  /** The tasks it serves, by their wire names. */
  tasks: readonly string[];
  /** Loads the provider. */
  load(): Promise<InferenceProvider>;
}

const CHAT = "chat-completion";
const GENERATE = "text-generation";
const IMAGE = "text-to-image";
const EDIT = "image-to-image";
const EMBED = "feature-extraction";
const ASR = "automatic-speech-recognition";
const SPEECH = "text-to-speech";

/** `@infer/provider-{name}`, exporting the provider as the camelCase of its name (`fal-ai` → `falAi`). */
function provider(name: string, tasks: string[], load: () => Promise<unknown>): ProviderSpec {
  const exportName = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  return {
    name,
    packageName: `@infer/provider-${name}`,
    exportName,
    tasks,
    load: () => load().then((module) => (module as Record<string, InferenceProvider>)[exportName] as InferenceProvider),
  };
}

// Each `import()` names its package literally, so the bundler makes one chunk per provider.
export const PROVIDER_PACKAGES: ProviderSpec[] = [
  provider("together", [CHAT, GENERATE, IMAGE, EMBED], () => import("@infer/provider-together")),
  provider("fal-ai", [IMAGE, EDIT, ASR, SPEECH], () => import("@infer/provider-fal-ai")),
  provider("replicate", [IMAGE, EDIT, ASR, SPEECH], () => import("@infer/provider-replicate")),
  provider("black-forest-labs", [IMAGE], () => import("@infer/provider-black-forest-labs")),
  provider("groq", [CHAT], () => import("@infer/provider-groq")),
  provider("sambanova", [CHAT, EMBED], () => import("@infer/provider-sambanova")),
  provider("nebius", [CHAT, GENERATE, IMAGE, EMBED], () => import("@infer/provider-nebius")),
  provider("novita", [CHAT, GENERATE], () => import("@infer/provider-novita")),
  provider("fireworks-ai", [CHAT], () => import("@infer/provider-fireworks-ai")),
  provider("hyperbolic", [CHAT, GENERATE, IMAGE], () => import("@infer/provider-hyperbolic")),
  provider("cerebras", [CHAT], () => import("@infer/provider-cerebras")),
  provider("cohere", [CHAT], () => import("@infer/provider-cohere")),
  provider("deepinfra", [CHAT, EMBED], () => import("@infer/provider-deepinfra")),
  provider("featherless-ai", [CHAT, GENERATE], () => import("@infer/provider-featherless-ai")),
  provider("nscale", [CHAT, IMAGE], () => import("@infer/provider-nscale")),
  provider("baseten", [CHAT], () => import("@infer/provider-baseten")),
  provider("ovhcloud", [CHAT], () => import("@infer/provider-ovhcloud")),
  provider("publicai", [CHAT], () => import("@infer/provider-publicai")),
  provider("scaleway", [CHAT, EMBED], () => import("@infer/provider-scaleway")),
  provider("wavespeed", [IMAGE, EDIT], () => import("@infer/provider-wavespeed")),
  provider("zai-org", [CHAT, IMAGE], () => import("@infer/provider-zai-org")),
  provider("openai", [CHAT], () => import("@infer/provider-openai")),
];

/** hf-inference, built into core: the default. */
export const DEFAULT_PROVIDER = "hf-inference";
export const AUTO = "auto";

/** The provider packages serving a task (the page's task id is its wire name). */
export function providersFor(task: string): ProviderSpec[] {
  return PROVIDER_PACKAGES.filter((provider) => provider.tasks.includes(task));
}

/**
 * The provider packages a call needs on its client: the one named; under "auto", every one serving the task
 * (the model's mapping on the Hub picks among them), except for chat, where the router picks by itself.
 */
export function providersNeeded(task: string, choice: string): ProviderSpec[] {
  if (choice === DEFAULT_PROVIDER) return [];
  if (choice === AUTO) return task === CHAT ? [] : providersFor(task);
  return PROVIDER_PACKAGES.filter((provider) => provider.name === choice);
}
