import type { Call } from "./call.js";
import { InferenceError } from "./errors/inference-error.js";
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

/** A transport response with the call's error mapping and clean-up; prototype methods keep the hot path lean. */
export class CallResponse implements InferenceResponse {
  readonly status: number;
  readonly url: string;
  private readonly raw: TransportResponse;
  private readonly call: Call;
  private readonly task: string | undefined;
  private headerCache: Headers | undefined;
  private used = false;

  constructor(raw: TransportResponse, url: string, task: string | undefined, call: Call) {
    this.status = raw.status;
    this.url = url;
    this.raw = raw;
    this.call = call;
    this.task = task;
  }

  get headers(): Headers {
    this.headerCache ??= this.raw.headers();
    return this.headerCache;
  }

  header(name: string): string | undefined {
    return this.raw.header(name.toLowerCase());
  }

  json<T = unknown>(): Promise<T> {
    return this.whole((raw) => raw.text().then((text) => parseJson<T>(text, this.task)));
  }

  text(): Promise<string> {
    return this.whole((raw) => raw.text());
  }

  bytes(): Promise<Uint8Array> {
    return this.whole((raw) => raw.bytes());
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.whole((raw) =>
      raw
        .bytes()
        .then((bytes) =>
          bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
            ? bytes.buffer
            : (bytes.slice().buffer as ArrayBuffer),
        ),
    );
  }

  blob(): Promise<Blob> {
    const type = this.raw.header("content-type") ?? "";
    return this.whole((raw) => raw.bytes().then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type })));
  }

  /** Reads the body whole, once: a second read is a clear error, not an empty answer. */
  private whole<T>(read: (raw: TransportResponse) => Promise<T>): Promise<T> {
    if (this.used) return Promise.reject(alreadyRead());
    this.used = true;
    return this.call.settle(read(this.raw));
  }

  get body(): AsyncIterable<Uint8Array> {
    if (this.used) return reread();
    this.used = true;
    const raw = this.raw;
    const token = {};
    const body = iterate(raw, this.call, token);
    // A stream dropped without `break` (never finished) is released when it is garbage-collected.
    abandoned?.register(body, { raw, call: this.call }, token);
    return body;
  }

  cancel(): void {
    this.raw.cancel();
    this.call.finish();
  }
}

function parseJson<T>(text: string, task: string | undefined): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new InferenceOutputError({ task: task ?? "request", expected: "JSON", body: text, cause: error });
  }
}

const abandoned =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<{ raw: TransportResponse; call: Call }>(({ raw, call }) => {
        raw.cancel();
        call.finish();
      })
    : undefined;

/** Reads the body as a stream: the timeout now bounds each wait for a chunk, not the whole call. */
async function* iterate(raw: TransportResponse, call: Call, token: object): AsyncGenerator<Uint8Array> {
  const source = raw.body[Symbol.asyncIterator]();
  let done = false;
  call.stream();
  try {
    for (;;) {
      call.waiting(true);
      const next = await source.next();
      call.waiting(false);
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } catch (error) {
    done = true;
    throw call.mapError(error);
  } finally {
    abandoned?.unregister(token);
    if (!done) await source.return?.();
    call.finish();
  }
}

function alreadyRead(): InferenceError {
  return new InferenceError({
    message: "This response's body was already read: an answer is read, or a stream iterated, only once",
  });
}

// biome-ignore lint/correctness/useYield: its only step is to throw, as a consumed body does when iterated again.
async function* reread(): AsyncGenerator<Uint8Array> {
  throw alreadyRead();
}
