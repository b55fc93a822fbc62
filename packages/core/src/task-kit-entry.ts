// @infer/core/task-kit: what task and provider authors use (users import `@infer/core`). Node takes the
// bundle's `dist/node-task-kit.js`, which shares its chunk with `dist/index.js`, so classes, symbols and caches
// are the same objects from either entry; browsers, workers and edge runtimes take this file as tsc emits it,
// beside `dist/browser.js`.
export {
  defineTask,
  type Task,
  type TaskIdentity,
  type TaskMethods,
  type BoundMethod,
  type AnyTaskFunction,
} from "./task.js";
// Defines task methods on a client or a client class's prototype: the one binding `with()` and `InferenceClient` use.
export { defineTaskMethods } from "./client.js";
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
export { encodeParametersAsync } from "./task-kit/parameters.js";
export { requireTable, requireModel, type Table, type TableCell } from "./table.js";
export { resolveModel } from "./task-kit/model.js";
export { readBase64, postBinary, type BinaryPost } from "./task-kit/binary-body.js";
export { postTgi } from "./task-kit/tgi.js";
export {
  expectEventStream,
  iterateOnce,
  readJsonEventBatches,
  readJsonEvents,
  streamJsonEvents,
  type JsonEventSteps,
  type JsonEventsEnd,
} from "./json-events.js";
export { bytesToBase64, base64ToBytes } from "./base64.js";
export { defaultPipelineLayout, modelUrl } from "./url.js";
export {
  textGenerationError,
  textGenerationErrorFromPayload,
  toTextGenerationError,
} from "./errors/text-generation-errors.js";
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
export { readMapping, type ProviderMappingEntry } from "./providers/mapping.js";
