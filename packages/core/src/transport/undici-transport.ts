import { request, type Dispatcher } from "undici";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/** A transport over undici's `request`: a keep-alive pool, several times faster than fetch in Node. */
export function createUndiciTransport(dispatcher?: Dispatcher): Transport {
  return {
    async request({ url, method, headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const options: Parameters<typeof request>[1] = { method, headers };
      // undici sends any (async) iterable of bytes; its types name only Readable.
      if (body !== undefined) options.body = (body instanceof Blob ? body.stream() : body) as NonNullable<typeof options.body>;
      if (signal) options.signal = signal;
      if (dispatcher) options.dispatcher = dispatcher;
      const response = await request(url, options);
      return fromUndiciResponse(response);
    },
  };
}

function fromUndiciResponse(response: Dispatcher.ResponseData<unknown>): TransportResponse {
  const raw = response.headers;
  const header = (name: string): string | undefined => {
    const value = raw[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  return {
    status: response.statusCode,
    header,
    headers: () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(raw)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      return headers;
    },
    body: response.body,
    text: () => response.body.text(),
    bytes: async () => new Uint8Array(await response.body.arrayBuffer()),
    cancel: () => {
      // Destroying emits "error" (UND_ERR_ABORTED); nobody is listening any more, so swallow it.
      response.body.on("error", ignore);
      response.body.destroy();
    },
  };
}

function ignore(): void {}
