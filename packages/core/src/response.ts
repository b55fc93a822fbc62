import type { Call } from "./call.js";
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
    return this.call.settle(this.raw.text().then((text) => parseJson<T>(text, this.task)));
  }

  text(): Promise<string> {
    return this.call.settle(this.raw.text());
  }

  bytes(): Promise<Uint8Array> {
    return this.call.settle(this.raw.bytes());
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.call.settle(
      this.raw.bytes().then((bytes) =>
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
          ? bytes.buffer
          : (bytes.slice().buffer as ArrayBuffer),
      ),
    );
  }

  blob(): Promise<Blob> {
    const type = this.raw.header("content-type") ?? "";
    return this.call.settle(this.raw.bytes().then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type })));
  }

  get body(): AsyncIterable<Uint8Array> {
    return iterate(this.raw.body, this.call);
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

async function* iterate(source: AsyncIterable<Uint8Array>, call: Call): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (error) {
    throw call.mapError(error);
  } finally {
    call.finish();
  }
}
