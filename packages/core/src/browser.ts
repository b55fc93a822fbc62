import { InferenceCore } from "./client.js";
import { createState } from "./client-state.js";
import type { ClientOptions } from "./options.js";
import type { InferenceProvider } from "./providers/provider.js";
import { browserPlatform } from "./platform/browser-platform.js";

export * from "./exports.js";

/** A client without tasks, over `fetch` (browsers, edge runtimes). */
export class CoreClient extends InferenceCore {
  /** `providers`: those registered from the start (`InferenceClient` passes every one). */
  constructor(options: ClientOptions = {}, providers: readonly InferenceProvider[] = []) {
    super(createState(options, browserPlatform), providers);
  }
}

/** Creates a client. Add task methods with `.with(...)`, or call task functions with it directly. */
export function createClient(options: ClientOptions = {}): CoreClient {
  return new CoreClient(options);
}
