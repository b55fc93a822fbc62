import { redactText, redactValue, safeUrl } from "../redaction.js";
import { hasKind, InferenceError } from "./inference-error.js";

export interface InferenceHTTPErrorOptions {
  status: number;
  url: string;
  requestId: string | undefined;
  serverMessage: string | undefined;
  body: unknown;
  hint?: string | undefined;
  cause?: unknown;
}

/** The server answered with a status of 400 or more. */
export class InferenceHTTPError extends InferenceError {
  static override readonly kind: string = "InferenceHTTPError";
  static override isInstance = (value: unknown): value is InferenceHTTPError => hasKind(value, "InferenceHTTPError");
  readonly status: number;
  readonly url: string;
  readonly requestId: string | undefined;
  /** The server's own words: `error`, `errors[].message` and `X-Error-Message`, joined. */
  readonly serverMessage: string | undefined;
  /** The parsed JSON body, or its text when it is not JSON. */
  readonly body: unknown;

  constructor({
    status,
    url: rawUrl,
    requestId,
    serverMessage: rawMessage,
    body,
    hint,
    cause,
  }: InferenceHTTPErrorOptions) {
    const url = safeUrl(rawUrl);
    const serverMessage = rawMessage && redactText(rawMessage);
    const parts = [`HTTP ${status} from ${url}`];
    if (serverMessage) parts.push(`: ${serverMessage}`);
    if (requestId) parts.push(` (request id ${requestId})`);
    if (hint) parts.push(`. ${hint}`);
    super({ message: parts.join(""), cause });
    this.status = status;
    this.url = url;
    this.requestId = requestId;
    this.serverMessage = serverMessage;
    this.body = redactValue(body);
  }
}
