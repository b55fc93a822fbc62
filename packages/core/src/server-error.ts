import { InferenceHTTPError } from "./errors/http-error.js";
import { authHint, redact } from "./token.js";
import type { TransportResponse } from "./transport/transport.js";

/** Parses a body as JSON, or returns its text when it is not JSON. */
export function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The server's own words: `error` (string or list), `errors[].message` and `X-Error-Message`. */
export function serverMessageOf(body: unknown, headerMessage: string | undefined): string | undefined {
  const messages: string[] = [];
  if (body !== null && typeof body === "object") {
    const { error, errors, message } = body as { error?: unknown; errors?: unknown; message?: unknown };
    if (typeof error === "string") messages.push(error);
    else if (Array.isArray(error)) messages.push(...error.filter((item): item is string => typeof item === "string"));
    else if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
      messages.push((error as { message: string }).message);
    }
    if (Array.isArray(errors)) {
      for (const item of errors) {
        if (item && typeof item === "object" && typeof (item as { message?: unknown }).message === "string") {
          messages.push((item as { message: string }).message);
        } else if (typeof item === "string") messages.push(item);
      }
    }
    if (messages.length === 0 && typeof message === "string") messages.push(message);
  } else if (typeof body === "string" && body.length > 0 && body.length <= 500) {
    messages.push(body.trim());
  }
  if (headerMessage && !messages.includes(headerMessage)) messages.push(headerMessage);
  return messages.length > 0 ? messages.join("; ") : undefined;
}

export interface HttpErrorContext {
  url: string;
  token: string | undefined;
  /** Where the token came from, for a 401/403's hint. */
  tokenSource?: string | undefined;
  task: string | undefined;
}

/** Reads an error response whole and builds its `InferenceHTTPError`, token redacted everywhere. */
export function httpErrorFrom(
  response: TransportResponse,
  text: string,
  { url, token, tokenSource, task }: HttpErrorContext,
): InferenceHTTPError {
  const safeText = redact(text, token);
  const body = parseBody(safeText);
  const serverMessage = serverMessageOf(body, response.header("x-error-message"));
  return new InferenceHTTPError({
    status: response.status,
    url: redact(url, token),
    requestId: response.header("x-request-id"),
    serverMessage: serverMessage && redact(serverMessage, token),
    body,
    hint:
      response.status === 422 && task
        ? `The model may not support the ${task} task`
        : authHint(response.status, token, tokenSource ?? "none"),
  });
}
