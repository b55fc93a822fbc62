import { InferenceCore } from "./client.js";
import { createState } from "./client-state.js";
import type { ClientOptions } from "./options.js";
import { installInspect } from "./platform/node-inspect.js";
import type { InferenceProvider } from "./providers/provider.js";
import { nodePlatform } from "./platform/node-platform.js";

// @infer/core in Node: the user API. What task and provider authors use is `@infer/core/task-kit`
// (src/task-kit-entry.ts). Keep this list and browser.ts's the same but for the Node-only last two.
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
export { createUndiciTransport, type UndiciTransportOptions } from "./transport/undici-transport.js";
export { saveBlob } from "./save-blob.js";

installInspect();

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
