import { InferenceOutputError } from "./errors/output-error.js";
import type { TransportResponse } from "./transport/transport.js";

/** A successful (status < 400) response of `client.post()`. Read its body once, in any one way. */
export interface InferenceResponse {
  readonly status: number;
  readonly url: string;
  readonly headers: Headers;
  /** A response header by name, case-insensitive. */
  header(name: string): string | undefined;
  json<T = unknown>(): Promise<T>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as a Blob typed with the response's `Content-Type`. */
  blob(): Promise<Blob>;
  /** The raw body, chunk by chunk (`parseServerSentEvents(response.body)` reads events); breaking out of the loop closes the connection. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Stops reading and releases the connection. */
  cancel(): void;
}

/** Wraps a transport response; `guard` turns transport failures while reading into typed errors. */
export function createInferenceResponse(
  raw: TransportResponse,
  url: string,
  task: string | undefined,
  guard: <T>(work: () => Promise<T>) => Promise<T>,
  guardIterable: <T>(source: AsyncIterable<T>) => AsyncIterable<T>,
): InferenceResponse {
  let headers: Headers | undefined;
  const response: InferenceResponse = {
    status: raw.status,
    url,
    get headers() {
      headers ??= raw.headers();
      return headers;
    },
    header: (name) => raw.header(name.toLowerCase()),
    json: <T>() =>
      guard(async () => {
        const text = await raw.text();
        try {
          return JSON.parse(text) as T;
        } catch (error) {
          throw new InferenceOutputError({ task: task ?? "request", expected: "JSON", body: text, cause: error });
        }
      }),
    text: () => guard(() => raw.text()),
    bytes: () => guard(() => raw.bytes()),
    arrayBuffer: () =>
      guard(async () => {
        const bytes = await raw.bytes();
        return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
          ? bytes.buffer
          : (bytes.slice().buffer as ArrayBuffer);
      }),
    blob: () =>
      guard(async () => {
        const bytes = await raw.bytes();
        const type = raw.header("content-type") ?? "";
        return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
      }),
    get body() {
      return guardIterable(raw.body);
    },
    cancel: () => raw.cancel(),
  };
  return response;
}
