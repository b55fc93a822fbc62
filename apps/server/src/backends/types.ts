/** A request body as the server received it: the raw bytes and their declared type. */
export interface RequestBody {
  bytes: Buffer;
  contentType: string | undefined;
}

/** What a backend answers: JSON, bytes of a media type, or a stream of server-sent events. */
export type Answer =
  | { kind: "json"; body: unknown; status?: number }
  | { kind: "bytes"; body: Buffer; contentType: string }
  | { kind: "events"; events: AsyncIterable<unknown> };

/** A bad request: answered with `status` and `{"error": message}` (plus `error_type` when set). */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorType?: string,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

/** One served model: the npm or Debian package that really computes its answers, loaded lazily. */
export interface Backend {
  /** Hub-style id, e.g. `infer/wink-sentiment`. */
  id: string;
  task: string;
  /** Other tasks the model answers on the pipeline routes. */
  extraTasks?: readonly string[];
  /** The package (npm or Debian) that computes the answer, with its licence. */
  packageName: string;
  licence: string;
  /** One honest sentence: what the model is. */
  description: string;
  /** The `framework` of `/status/{id}` and `/framework/{name}`. */
  framework: string;
  /** Seconds a cold load takes here, roughly: the `estimated_time` of a 503. */
  estimatedLoadSeconds: number;
  /** Loads the model; called once, on the first request. Rejects when it cannot be served here. */
  load(): Promise<Runner>;
}

/** A loaded model: answers one request of `task`; `close` frees what it holds (workers, threads). */
export type Runner = ((body: RequestBody, task: string) => Promise<Answer>) & { close?: () => Promise<unknown> };

/** The body as a JSON object, else a 400 naming what is wrong. */
export function jsonObject(body: RequestBody): Record<string, unknown> {
  if (body.contentType !== undefined && !/json/i.test(body.contentType) && !/^text\/plain/i.test(body.contentType)) {
    throw new RequestError(
      415,
      `this task takes a JSON body (Content-Type: application/json), not ${body.contentType}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.bytes.toString("utf8"));
  } catch {
    throw new RequestError(400, "the body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new RequestError(400, "the body must be a JSON object");
  return parsed as Record<string, unknown>;
}

/** `inputs` as one string or a list of strings. */
export function textInputs(body: Record<string, unknown>): { texts: string[]; single: boolean } {
  const { inputs } = body;
  if (typeof inputs === "string") return { texts: [inputs], single: true };
  if (Array.isArray(inputs) && inputs.length > 0 && inputs.every((item) => typeof item === "string"))
    return { texts: inputs, single: false };
  throw new RequestError(400, "`inputs` must be a string or a non-empty list of strings");
}

/**
 * The binary input of a media task: the raw body, or `{"inputs": base64}` (the JSON form some clients
 * send). An empty body is a 400.
 */
export function mediaInput(body: RequestBody, what: string): Buffer {
  let bytes = body.bytes;
  if (body.contentType !== undefined && /json/i.test(body.contentType)) {
    const object = jsonObject(body);
    const inputs = object["inputs"] ?? object["image"] ?? object["audio"];
    if (typeof inputs !== "string")
      throw new RequestError(400, `\`inputs\` must be the ${what} as base64, or send the raw ${what} as the body`);
    bytes = Buffer.from(inputs.replace(/^data:[^,]*,/, ""), "base64");
  }
  if (bytes.length === 0) throw new RequestError(400, `the body is empty: send the ${what}`);
  return bytes;
}

export const json = (body: unknown, status?: number): Answer =>
  status === undefined ? { kind: "json", body } : { kind: "json", body, status };

export const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;
