export { InferenceClient, allTasks, allProviders } from "./inference-client.js";
export * from "@infer/core";
