import { InferenceCore } from "./client.js";
import { createState } from "./client-state.js";
import type { ClientOptions } from "./options.js";
import { installInspect } from "./platform/node-inspect.js";
import type { InferenceProvider } from "./providers/provider.js";
import { nodePlatform } from "./platform/node-platform.js";

export * from "./exports.js";

installInspect();
export { createUndiciTransport } from "./transport/undici-transport.js";
export { saveBlob } from "./save-blob.js";

/** A client without tasks, in Node (undici). Add tasks with `with()`, or use `@infer/inference`. */
export class CoreClient extends InferenceCore {
  /** `providers`: those registered from the start (`InferenceClient` passes every one). */
  constructor(options: ClientOptions = {}, providers: readonly InferenceProvider[] = []) {
    super(createState(options, nodePlatform), providers);
  }
}

/**
 * Creates a client. Add task methods with `.with(...)`, or call task functions with it directly.
 * @example createClient({ token: "hf_***" }).with(textToImage).textToImage("An astronaut riding a horse")
 */
export function createClient(options: ClientOptions = {}): CoreClient {
  return new CoreClient(options);
}
