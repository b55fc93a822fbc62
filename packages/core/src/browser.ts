import { InferenceCore } from "./client.js";
import { createState } from "./client-state.js";
import type { ClientOptions } from "./options.js";
import type { InferenceProvider } from "./providers/provider.js";
import { browserPlatform } from "./platform/browser-platform.js";

// @infer/core in browsers, workers and edge runtimes (the `browser`, `worker` and `edge-light` conditions):
// the same user API as index.ts without Node's `createUndiciTransport` and `saveBlob`.
export { InferenceCore, getJson, readBinary, getRecommendedModel, type PostRequest } from "./client.js";
export type {
  ClientOptions,
  RequestOptions,
  RetryOptions,
  PipelineLayout,
  ProviderChoice,
} from "./options.js";
export type { InferenceResponse } from "./response.js";
export type { Task, TaskIdentity, TaskMethods, BoundMethod, AnyTaskFunction } from "./task.js";
export type { BinaryInput } from "./binary.js";
export type { Table, TableCell } from "./table.js";
export { parseServerSentEvents, type ServerSentEvent } from "./sse.js";
export { clearRecommendedModels } from "./hub/recommended-model.js";
export { getModelStatus, type ModelStatus } from "./hub/model-status.js";
export {
  listDeployedModels,
  MAIN_FRAMEWORKS,
  type Framework,
  type DeployedModel,
  type DeployedModels,
} from "./hub/deployed-models.js";
export { DEFAULT_ENDPOINT, DEFAULT_HUB_ENDPOINT, DEFAULT_ROUTER_ENDPOINT } from "./url.js";
export { VERSION } from "./version.js";
export type { Transport, TransportRequest, TransportResponse, TransportBody } from "./transport/transport.js";
export { createFetchTransport, type FetchLike, type FetchTransportOptions } from "./transport/fetch-transport.js";
export { InferenceError, type InferenceErrorOptions } from "./errors/inference-error.js";
export { InferenceHTTPError, type InferenceHTTPErrorOptions } from "./errors/http-error.js";
export { InferenceTimeoutError } from "./errors/timeout-error.js";
export { InferenceInputError, type InferenceInputErrorOptions } from "./errors/input-error.js";
export { InferenceOutputError, type InferenceOutputErrorOptions } from "./errors/output-error.js";
export { InferenceAbortError } from "./errors/abort-error.js";
export { InferenceConnectionError } from "./errors/connection-error.js";
export { TextGenerationError, type TextGenerationErrorOptions } from "./errors/text-generation-error.js";
export { GenerationError } from "./errors/generation-error.js";
export { IncompleteGenerationError } from "./errors/incomplete-generation-error.js";
export { OverloadedError } from "./errors/overloaded-error.js";
export { ValidationError } from "./errors/validation-error.js";
export { UnknownError } from "./errors/unknown-error.js";
export type { InferenceProvider } from "./providers/provider.js";
export { clearProviderMappings } from "./providers/mapping.js";

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
