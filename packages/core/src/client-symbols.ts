/** Where a client keeps its shared state and its providers (shared with the provider layer). */
export const STATE = Symbol.for("@infer/core.client-state");
export const PROVIDERS = Symbol.for("@infer/core.client-providers");
export const PROVIDER_ROUTE = Symbol.for("@infer/core.provider-route");
