export { InferenceClient, allTasks, allProviders } from "./inference-client.js";
export * from "@infer/core";
export * from "./task-types.js";
