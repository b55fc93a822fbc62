import { InferenceInputError } from "./errors/input-error.js";
import type { LocalFile } from "./platform/platform.js";
import type { TransportBody } from "./transport/transport.js";

/**
 * Audio or an image, in any form: bytes, a Blob, a stream, a local path or `file:` URL (Node), or an
 * `http(s)://` URL string or `URL`, downloaded without the client's token.
 */
export type BinaryInput =
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | string
  | URL;

/** A body that can be sent again on a retry. */
export interface PreparedBinary {
  open(): TransportBody;
  contentType: string | undefined;
  size: number | undefined;
}

/** What resolving a binary input needs from the client: file access and a token-free download. */
export interface BinarySources {
  openFile(path: string | URL, argument: string): Promise<LocalFile>;
  download(url: string, argument: string): Promise<{ bytes: Uint8Array; contentType: string | undefined }>;
}

/** Checks and resolves a binary input for a raw body; a path is streamed from disk on each attempt. */
export async function prepareBinary(input: unknown, argument: string, sources: BinarySources): Promise<PreparedBinary> {
  if (input instanceof Uint8Array) return fixed(input, undefined);
  if (input instanceof ArrayBuffer) return fixed(new Uint8Array(input), undefined);
  if (ArrayBuffer.isView(input))
    return fixed(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), undefined);
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    return { open: () => input, contentType: input.type || undefined, size: input.size };
  }
  const location = asLocation(input);
  if (location !== undefined) {
    if (location.remote) {
      const { bytes, contentType } = await sources.download(location.href, argument);
      return fixed(bytes, contentType);
    }
    const file = await sources.openFile(location.path, argument);
    return { open: () => file.open(), contentType: file.contentType, size: file.size };
  }
  if (isStream(input)) return fixed(await collect(input, argument), undefined);
  throw unsupported(input, argument);
}

/** Reads a binary input whole, for bodies that embed it as base64. */
export async function readBinary(input: unknown, argument: string, sources: BinarySources): Promise<Uint8Array> {
  const location = asLocation(input);
  if (location !== undefined && !location.remote) return (await sources.openFile(location.path, argument)).read();
  const prepared = await prepareBinary(input, argument, sources);
  const body = prepared.open();
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  return collect(body, argument);
}

function fixed(bytes: Uint8Array, contentType: string | undefined): PreparedBinary {
  return { open: () => bytes, contentType, size: bytes.byteLength };
}

function asLocation(
  input: unknown,
): { remote: true; href: string } | { remote: false; path: string | URL } | undefined {
  if (typeof input === "string") {
    if (input.startsWith("https://") || input.startsWith("http://")) return { remote: true, href: input };
    if (input.startsWith("file:")) return { remote: false, path: new URL(input) };
    return { remote: false, path: input };
  }
  if (input instanceof URL) {
    if (input.protocol === "https:" || input.protocol === "http:") return { remote: true, href: input.href };
    if (input.protocol === "file:") return { remote: false, path: input };
  }
  return undefined;
}

function isStream(input: unknown): input is ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  if (input === null || typeof input !== "object") return false;
  return Symbol.asyncIterator in input || typeof (input as ReadableStream).getReader === "function";
}

async function collect(
  input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  argument: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: unknown) => {
    if (typeof chunk === "string") chunk = new TextEncoder().encode(chunk);
    if (!(chunk instanceof Uint8Array)) {
      throw new InferenceInputError({ argument, message: `the stream yielded ${describe(chunk)}, not bytes` });
    }
    chunks.push(chunk);
    length += chunk.byteLength;
  };
  if (Symbol.asyncIterator in input) {
    for await (const chunk of input as AsyncIterable<unknown>) push(chunk);
  } else {
    const reader = (input as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      push(value);
    }
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function unsupported(input: unknown, argument: string): InferenceInputError {
  return new InferenceInputError({
    argument,
    message: `expected bytes, a Blob, a stream, a path or an http(s) URL, got ${describe(input)}`,
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  return typeof value;
}
