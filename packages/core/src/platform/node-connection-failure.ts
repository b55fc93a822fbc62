import { InferenceConnectionError } from "../errors/connection-error.js";

const RETRYABLE = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const FINAL = new Set([
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  // The connection closed before the Content-Length was read: the body is cut.
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

/** Node's network failures by error code (undici's and the socket's), looked for down the `cause` chain. */
export function nodeConnectionFailure(error: unknown): InferenceConnectionError | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (RETRYABLE.has(code) || FINAL.has(code))) {
      const message = error instanceof Error ? error.message : String(error);
      return new InferenceConnectionError({
        message: `Connection failed: ${message.includes(code) ? message : `${code} ${message}`}`,
        retryable: RETRYABLE.has(code),
        cause: error,
      });
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof TypeError && error.message === "fetch failed"
    ? new InferenceConnectionError({ message: "Connection failed: fetch failed", retryable: false, cause: error })
    : undefined;
}
