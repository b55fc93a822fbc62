import { InferenceHTTPError } from "../errors/http-error.js";

/**
 * FastAPI's `{detail: string}` and `{detail: [{loc, msg}]}`, and `{detail: {error}}`: the shapes several
 * providers answer errors in (the others, `{error}`, `{error: {message}}`, `{message}`, core reads itself).
 */
function detailMessage(body: unknown): string | undefined {
  const detail = body !== null && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
  if (typeof detail === "string") return detail.trim() || undefined;
  // `{detail: {error}}` or `{detail: {message}}` (deepinfra).
  if (detail !== null && typeof detail === "object" && !Array.isArray(detail)) {
    const { error, message } = detail as { error?: unknown; message?: unknown };
    const text = typeof error === "string" ? error : typeof message === "string" ? message : undefined;
    return text?.trim() || undefined;
  }
  if (!Array.isArray(detail)) return undefined;
  const messages = detail.flatMap((item: unknown) => {
    if (item === null || typeof item !== "object" || typeof (item as { msg?: unknown }).msg !== "string") return [];
    const location = (item as { loc?: unknown }).loc;
    return [`${Array.isArray(location) ? `${location.join(".")}: ` : ""}${(item as { msg: string }).msg}`];
  });
  return messages.length > 0 ? messages.join("; ") : undefined;
}

/** A provider's error answer with its own words in `serverMessage` and the message, whatever its JSON shape. */
export function providerError(error: unknown): unknown {
  if (!InferenceHTTPError.isInstance(error) || error.serverMessage !== undefined) return error;
  const serverMessage = detailMessage(error.body);
  if (serverMessage === undefined) return error;
  const copy = new InferenceHTTPError({
    status: error.status,
    url: error.url,
    requestId: error.requestId,
    serverMessage,
    body: error.body,
    cause: error.cause,
  });
  return Object.assign(copy, { ...error, serverMessage });
}
