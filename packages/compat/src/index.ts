export { InferenceApi } from "./inference-api.js";
export type { InferenceApiOptions, InferenceApiParameters } from "./inference-api.js";
export type { InferenceApiOutput } from "./answer.js";
export { KNOWN_TASKS } from "./known-tasks.js";
