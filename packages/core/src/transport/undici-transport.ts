import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { InferenceOutputError } from "../errors/output-error.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

type Undici = typeof import("undici");
type Zlib = typeof import("node:zlib");
interface Loaded {
  request: Undici["request"];
  Agent: Undici["Agent"];
  zlib: Zlib;
}

// undici is loaded on the first request, not at import: it is most of a cold start's import time.
let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;

function load(): Promise<Loaded> {
  loading ??= Promise.all([import("undici"), import("node:zlib")]).then(([undici, zlib]) => {
    loaded = { request: undici.request, Agent: undici.Agent, zlib };
    return loaded;
  });
  return loading;
}

export interface UndiciTransportOptions {
  /** The most sockets per origin of the transport's own pool (not used with a `dispatcher`). @default 64 */
  connections?: number | undefined;
}

/**
 * A transport over undici's `request`: a keep-alive pool, several times faster than fetch in Node. Without a
 * `dispatcher` it makes its own `Agent`, at most `connections` sockets per origin, so 10,000 concurrent calls
 * queue instead of opening 10,000 sockets. Answers in gzip, deflate or br are decoded with node:zlib.
 */
export function createUndiciTransport(
  dispatcher?: Dispatcher,
  { connections = 64 }: UndiciTransportOptions = {},
): Transport {
  let pool = dispatcher;
  const send = (undici: Loaded, request: TransportRequest): Promise<TransportResponse> =>
    sendWith(undici, (pool ??= new undici.Agent({ connections })), request);
  return {
    request(request: TransportRequest): Promise<TransportResponse> {
      if (loaded) return send(loaded, request);
      return load().then((undici) => send(undici, request));
    },
  };
}

function sendWith(
  undici: Loaded,
  dispatcher: Dispatcher,
  { url, method, headers, body, signal }: TransportRequest,
): Promise<TransportResponse> {
  const options: Parameters<Undici["request"]>[1] = { method, headers, dispatcher };
  // undici sends any (async) iterable of bytes; its types name only Readable.
  if (body !== undefined)
    options.body = (body instanceof Blob ? body.stream() : body) as NonNullable<typeof options.body>;
  if (signal) options.signal = signal;
  return undici.request(url, options).then((response) => new UndiciResponse(response, undici.zlib));
}

type Decoder = () => import("node:stream").Transform;

function decoderFor(zlib: Zlib, encoding: string): Decoder | undefined {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return () => zlib.createGunzip();
    case "deflate":
      return () => zlib.createInflate();
    case "br":
      return () => zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Errors raised by a decoder (a corrupt body), as opposed to the connection under it. */
const decodingFailures = new WeakMap<object, string>();

/** Pipes the body through the decoders of its `Content-Encoding` (last applied, first undone). */
function decode(body: Readable, encodings: string, zlib: Zlib): Readable {
  const names = encodings
    .toLowerCase()
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "" && name !== "identity")
    .reverse();
  const decoders: Decoder[] = [];
  for (const name of names) {
    const decoder = decoderFor(zlib, name);
    if (!decoder) return body;
    decoders.push(decoder);
  }
  let stream: Readable = body;
  for (const [index, make] of decoders.entries()) {
    const decoder = make();
    const source = stream;
    source.on("error", (error) => decoder.destroy(error));
    decoder.on("error", (error) => {
      if (!decodingFailures.has(error) && error !== (source as { errored?: unknown }).errored)
        decodingFailures.set(error, names[index] as string);
      source.destroy();
    });
    decoder.on("close", () => source.destroy());
    stream = source.pipe(decoder);
  }
  return stream;
}

function decodingError(error: unknown): unknown {
  const encoding = typeof error === "object" && error !== null ? decodingFailures.get(error) : undefined;
  return encoding === undefined
    ? error
    : new InferenceOutputError({
        task: "request",
        expected: `a body encoded with ${encoding}`,
        body: undefined,
        cause: error,
      });
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw decodingError(error);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/** A plain Uint8Array over a buffer of its own: zlib's Buffers are often views into a larger, shared one. */
function ownBytes(bytes: Buffer): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return new Uint8Array(bytes.buffer);
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return own;
}

async function* iterateDecoded(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    throw decodingError(error);
  }
}

class UndiciResponse implements TransportResponse {
  readonly status: number;
  url: string | undefined;
  private readonly response: Dispatcher.ResponseData<unknown>;
  /** The decoded body, when the answer was encoded. */
  private readonly decoded: Readable | undefined;

  constructor(response: Dispatcher.ResponseData<unknown>, zlib: Zlib) {
    this.status = response.statusCode;
    this.response = response;
    const encoding = response.headers["content-encoding"];
    if (
      typeof encoding === "string" &&
      encoding !== "" &&
      response.statusCode !== 204 &&
      response.statusCode !== 304 &&
      response.headers["content-length"] !== "0"
    ) {
      const decoded = decode(response.body, encoding, zlib);
      if (decoded !== response.body) this.decoded = decoded;
    }
  }

  header(name: string): string | undefined {
    const value = this.response.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  headers(): Headers {
    const headers = new Headers();
    for (const [name, value] of Object.entries(this.response.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    return headers;
  }

  get body(): AsyncIterable<Uint8Array> {
    return this.decoded ? iterateDecoded(this.decoded) : this.response.body;
  }

  text(): Promise<string> {
    return this.decoded ? collect(this.decoded).then((bytes) => bytes.toString("utf8")) : this.response.body.text();
  }

  async bytes(): Promise<Uint8Array> {
    if (this.decoded) return collect(this.decoded).then(ownBytes);
    return new Uint8Array(await this.response.body.arrayBuffer());
  }

  cancel(): void {
    const body = this.response.body;
    // Destroying emits "error" (UND_ERR_ABORTED); nobody is listening any more, so swallow it.
    body.on("error", ignore);
    body.destroy();
    this.decoded?.on("error", ignore).destroy();
  }
}

function ignore(): void {}
