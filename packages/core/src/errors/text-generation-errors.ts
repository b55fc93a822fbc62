import { GenerationError } from "./generation-error.js";
import { IncompleteGenerationError } from "./incomplete-generation-error.js";
import { OverloadedError } from "./overloaded-error.js";
import { InferenceHTTPError } from "./http-error.js";
import type { TextGenerationError } from "./text-generation-error.js";
import { UnknownError } from "./unknown-error.js";
import { ValidationError } from "./validation-error.js";

/** Builds the typed TGI error for an `{ error, error_type }` payload. */
export function textGenerationError(
  message: string,
  errorType: string | undefined,
  body: unknown,
  cause?: unknown,
): TextGenerationError {
  const options = { message, errorType, body, cause };
  switch (errorType) {
    case "generation":
      return new GenerationError(options);
    case "incomplete_generation":
      return new IncompleteGenerationError(options);
    case "overloaded":
      return new OverloadedError(options);
    case "validation":
      return new ValidationError(options);
    default:
      return new UnknownError(options);
  }
}

/**
 * An error payload as its typed error: TGI's `{ error, error_type }`, or OpenAI's `{ error: { message, type } }`
 * (an unknown type gives `UnknownError`).
 */
export function textGenerationErrorFromPayload(payload: Record<string, unknown>, cause?: unknown): TextGenerationError {
  const inner = payload["error"];
  const innerObject = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : undefined;
  const errorType =
    typeof payload["error_type"] === "string"
      ? payload["error_type"]
      : typeof innerObject?.["type"] === "string"
        ? innerObject["type"]
        : undefined;
  const message =
    typeof inner === "string"
      ? inner
      : typeof innerObject?.["message"] === "string"
        ? innerObject["message"]
        : (JSON.stringify(inner) ?? "Text generation failed");
  return textGenerationError(message, errorType, payload, cause);
}

/** An HTTP error whose body carries TGI's `error_type` becomes the typed TGI error, the HTTP error as its `cause`. */
export function toTextGenerationError(error: unknown): unknown {
  if (!InferenceHTTPError.isInstance(error)) return error;
  const body = error.body;
  if (typeof body !== "object" || body === null || typeof (body as Record<string, unknown>)["error_type"] !== "string")
    return error;
  return textGenerationErrorFromPayload(body as Record<string, unknown>, error);
}
