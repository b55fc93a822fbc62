import { InferenceHTTPError, type InferenceCore } from "@infer/core";
import type { TextGenerationParameters } from "./text-generation-options.js";

/** Parameters only TGI understands, dropped for a model served another way. */
export const TGI_ONLY_PARAMETERS = ["watermark", "stop", "details", "decoderInputDetails"] as const;

const MODEL_KWARGS_MESSAGE = "The following `model_kwargs` are not used by the model";

// Models found not to be served by TGI, for the life of the process (as the Python client does).
const plainModels = new Set<string>();

/** Identifies a model across calls: its URL, or its id on the client's endpoint. */
export function modelKey(client: InferenceCore, model: string): string {
  if (model.startsWith("https://") || model.startsWith("http://")) return model;
  return `${client.options.endpoint ?? ""} ${model}`;
}

export function isPlainModel(key: string): boolean {
  return plainModels.has(key);
}

export function rememberPlainModel(key: string): void {
  plainModels.add(key);
}

/** A server that is not TGI rejects TGI's parameters with 400 and this message (WIRE.md). */
export function isModelKwargsError(error: unknown): error is InferenceHTTPError {
  return InferenceHTTPError.isInstance(error) && error.status === 400 && (error.serverMessage ?? "").includes(MODEL_KWARGS_MESSAGE);
}

/** The parameters without the TGI-only ones, and the names of those that were set. */
export function withoutTgiOnly<Parameters extends TextGenerationParameters>(
  parameters: Parameters,
): { kept: Parameters; dropped: string[] } {
  const kept = { ...parameters };
  const dropped: string[] = [];
  for (const name of TGI_ONLY_PARAMETERS) {
    if (kept[name] !== undefined) dropped.push(`options.${name}`);
    delete kept[name];
  }
  return { kept, dropped };
}

/** Warns once, when a model is found not to be TGI. */
export function warnPlainModel(model: string, dropped: string[]): void {
  const what = dropped.length > 0 ? `; ignoring ${dropped.join(", ")}` : "";
  console.warn(`@infer/task-text-generation: ${model} is not served by Text Generation Inference${what}. Later calls send the plain form.`);
}
