import { InferenceHTTPError, type InferenceCore } from "@infer/core";
import { TGI_ONLY_PARAMETERS, type TextGenerationCallParameters } from "./text-generation-parameters.js";

// Models found not to be served by TGI, for the life of the process (as the Python client does).
export const plainModels = new Set<string>();

/** Identifies a model across calls: its URL, or its id on the client's endpoint. */
export function modelKey(client: InferenceCore, model: string): string {
  return /^https?:\/\//.test(model) ? model : `${client.options.endpoint ?? ""} ${model}`;
}

/** A server that is not TGI rejects TGI's parameters with 400 and this message (WIRE.md). */
export function isModelKwargsError(error: unknown): error is InferenceHTTPError {
  return (
    InferenceHTTPError.isInstance(error) &&
    error.status === 400 &&
    (error.serverMessage ?? "").includes("The following `model_kwargs` are not used by the model")
  );
}

/** Warns once, when a model is found not to be TGI, naming the TGI-only parameters that were set. */
export function warnPlainModel(model: string, parameters: TextGenerationCallParameters): void {
  const dropped = TGI_ONLY_PARAMETERS.filter((name) => parameters[name] !== undefined).map((name) => `options.${name}`);
  const what = dropped.length > 0 ? `; ignoring ${dropped.join(", ")}` : "";
  console.warn(
    `@infer/task-text-generation: ${model} is not served by Text Generation Inference${what}. Later calls send the plain form.`,
  );
}
