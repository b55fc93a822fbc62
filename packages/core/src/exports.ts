export { InferenceCore, defineTaskMethods, type PostRequest } from "./client.js";
export type { ClientOptions, RequestOptions, RetryOptions, PipelineLayout } from "./options.js";
export type { InferenceResponse } from "./response.js";
export {
  defineTask,
  type Task,
  type TaskIdentity,
  type TaskMethods,
  type BoundMethod,
  type AnyTaskFunction,
} from "./task.js";
export type { BinaryInput } from "./binary.js";
export { parseServerSentEvents, type ServerSentEvent } from "./sse.js";
export { expectEventStream, iterateOnce, readJsonEvents, type JsonEventsEnd } from "./json-events.js";
export { bytesToBase64, base64ToBytes } from "./base64.js";
export { clearRecommendedModels } from "./hub/recommended-model.js";
export { getModelStatus, type ModelStatus } from "./hub/model-status.js";
export {
  listDeployedModels,
  MAIN_FRAMEWORKS,
  type Framework,
  type DeployedModel,
  type DeployedModels,
} from "./hub/deployed-models.js";
export {
  DEFAULT_ENDPOINT,
  DEFAULT_HUB_ENDPOINT,
  DEFAULT_ROUTER_ENDPOINT,
  defaultPipelineLayout,
  modelUrl,
} from "./url.js";
export { VERSION } from "./version.js";
export type { Transport, TransportRequest, TransportResponse, TransportBody } from "./transport/transport.js";
export { createFetchTransport, type FetchLike, type FetchTransportOptions } from "./transport/fetch-transport.js";
export {
  splitOptions,
  snakeCaseParameters,
  toSnakeCase,
  requireString,
  requireStringArray,
  checkNumber,
  expectOutput,
  isObject,
  isLabelScoreList,
  readBlobOutput,
} from "./task-kit.js";
export { encodeParameters, type ParameterRule, type ParameterTable } from "./parameters.js";
export { requireTable, requireModel, type Table, type TableCell } from "./table.js";
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
export {
  textGenerationError,
  textGenerationErrorFromPayload,
  toTextGenerationError,
} from "./errors/text-generation-errors.js";
export type { ProviderChoice } from "./options.js";
export {
  isProvider,
  type InferenceProvider,
  type ProviderDefinition,
  type ProviderTask,
  type ProviderTaskAdapter,
  type ProviderInput,
  type ProviderRequest,
  type AnswerTools,
} from "./providers/provider.js";
export { defineProvider } from "./providers/define-provider.js";
export {
  openAiChat,
  openAiCompletions,
  openAiChatCompletions,
  openAiEmbeddings,
  openAiImages,
  base64Image,
} from "./providers/openai-compatible.js";
export { imageBlob, sniffMediaType, toDataUrl } from "./providers/media.js";
export { clearProviderMappings, readMapping, type ProviderMappingEntry } from "./providers/mapping.js";
