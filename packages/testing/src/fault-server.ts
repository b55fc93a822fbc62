import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

/** What a fault sees of one request: its whole body, and how many times its route was hit before. */
export interface FaultRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** 0 for the first request to this route. */
  attempt: number;
}

/** One scripted answer (or misbehaviour). It may end the response, destroy the socket, or never answer. */
export type Fault = (request: FaultRequest, response: ServerResponse, scope: FaultScope) => void;

/** Timers a fault starts; they are cleared when its socket closes or the server stops. */
export interface FaultScope {
  later(ms: number, run: () => void): void;
}

export interface FaultServer {
  /** `http://127.0.0.1:{port}` */
  url: string;
  server: Server;
  /** Scripts the answers of `/models/{route}` (and of any path ending in `/{route}`). */
  on(route: string, fault: Fault): void;
  /** How many requests a route received. */
  attempts(route: string): number;
  /** Every request received, in order. */
  requests: FaultRequest[];
  /** Sockets open right now, server side. */
  openSockets(): number;
  /** The most sockets open at once since the start (or the last `resetPeak()`). */
  peakSockets(): number;
  resetPeak(): void;
  /** Resolves once no socket is open, or rejects after `ms`. */
  idle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A scriptable loopback HTTP server for fault tests, on 127.0.0.1 port 0. Answers close their connection
 * unless `keepAlive` is set, so a test can check that the client left no socket behind.
 */
export async function startFaultServer({ keepAlive = false }: { keepAlive?: boolean } = {}): Promise<FaultServer> {
  const routes = new Map<string, Fault>();
  const counts = new Map<string, number>();
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let peak = 0;

  const server = createServer(async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
    } catch {
      return;
    }
    const path = (incoming.url ?? "/").split("?")[0] as string;
    const route = [...routes.keys()].find((name) => path === `/models/${name}` || path.endsWith(`/${name}`)) ?? path;
    const attempt = counts.get(route) ?? 0;
    counts.set(route, attempt + 1);
    const request: FaultRequest = {
      method: incoming.method ?? "GET",
      url: incoming.url ?? "/",
      headers: incoming.headers,
      body: Buffer.concat(chunks),
      attempt,
    };
    requests.push(request);
    if (!keepAlive) response.shouldKeepAlive = false;
    const socketTimers = new Set<ReturnType<typeof setTimeout>>();
    const scope: FaultScope = {
      later(ms, run) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          socketTimers.delete(timer);
          if (!response.destroyed) run();
        }, ms);
        timers.add(timer);
        socketTimers.add(timer);
      },
    };
    response.on("close", () => {
      for (const timer of socketTimers) {
        clearTimeout(timer);
        timers.delete(timer);
      }
    });
    const fault = routes.get(route);
    if (!fault) return faults.json({ error: `no fault scripted for ${path}` }, 404)(request, response, scope);
    fault(request, response, scope);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    on(route, fault) {
      routes.set(route, fault);
      counts.delete(route);
    },
    attempts: (route) => counts.get(route) ?? 0,
    openSockets: () => sockets.size,
    peakSockets: () => peak,
    resetPeak() {
      peak = sockets.size;
    },
    async idle(ms = 5_000) {
      const until = Date.now() + ms;
      while (sockets.size > 0) {
        if (Date.now() > until) throw new Error(`${sockets.size} socket(s) still open after ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

type Encoding = "gzip" | "deflate" | "br";
const encoders: Record<Encoding, (bytes: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};

/** Ready-made faults. */
export const faults = {
  /** A JSON answer. */
  json(body: unknown, status = 200, headers: Record<string, string> = {}): Fault {
    return (_request, response) => {
      const text = Buffer.from(JSON.stringify(body));
      response.writeHead(status, { "content-type": "application/json", "content-length": text.byteLength, ...headers });
      response.end(text);
    };
  },
  /** Any status, headers and body. */
  raw(status: number, headers: Record<string, string>, body: string | Buffer = ""): Fault {
    return (_request, response) => {
      response.writeHead(status, headers);
      response.end(body);
    };
  },
  /** A JSON answer encoded with gzip, deflate or br, with a matching `Content-Encoding`. */
  encoded(encoding: Encoding, body: unknown, status = 200): Fault {
    return (_request, response) => {
      const bytes = encoders[encoding](Buffer.from(JSON.stringify(body)));
      response.writeHead(status, {
        "content-type": "application/json",
        "content-encoding": encoding,
        "content-length": bytes.byteLength,
      });
      response.end(bytes);
    };
  },
  /** A body that claims an encoding it does not have. */
  corrupt(encoding: Encoding): Fault {
    return (_request, response) => {
      const bytes = Buffer.from("this is not compressed at all, whatever the header says");
      response.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": encoding,
        "content-length": bytes.byteLength,
      });
      response.end(bytes);
    };
  },
  /** Resets the connection before any header. */
  resetBeforeHeaders(): Fault {
    return (_request, response) => {
      response.socket?.resetAndDestroy();
    };
  },
  /** Sends the headers and half a body, then resets. */
  resetMidBody(): Fault {
    return (_request, response, scope) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"partial":');
      scope.later(20, () => response.socket?.resetAndDestroy());
    };
  },
  /** Never answers. */
  silent(): Fault {
    return () => {};
  },
  /** Sends the headers, then one byte of `body` every `intervalMs`. */
  trickle(body: string, intervalMs: number, contentType = "application/json"): Fault {
    return (_request, response, scope) => {
      response.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
      const bytes = Buffer.from(body);
      let index = 0;
      const next = (): void => {
        if (index >= bytes.length) return void response.end();
        response.write(bytes.subarray(index, ++index));
        scope.later(intervalMs, next);
      };
      next();
    };
  },
  /** Declares a Content-Length longer than the body it sends, then closes. */
  shortBody(declared: number, body: string): Fault {
    return (_request, response, scope) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": declared });
      response.write(body);
      scope.later(20, () => response.socket?.end());
    };
  },
  /** A redirect. */
  redirect(status: number, location: string): Fault {
    return (_request, response) => {
      response.writeHead(status, { location, "content-length": "0" });
      response.end();
    };
  },
  /** Answers with `faults[attempt]`, the last one repeated. */
  sequence(...steps: Fault[]): Fault {
    return (request, response, scope) =>
      (steps[Math.min(request.attempt, steps.length - 1)] as Fault)(request, response, scope);
  },
  /**
   * Server-Sent Events: each item is a raw frame (`"data: …\n\n"`, garbage lines, comments) sent `gapMs` apart;
   * `end` closes cleanly, `reset` resets the connection after the last frame, `hang` keeps it open.
   */
  events(
    frames: string[],
    { gapMs = 0, end = "close" }: { gapMs?: number; end?: "close" | "reset" | "hang" } = {},
  ): Fault {
    return (_request, response, scope) => {
      // Chunked and kept alive, as real event streams are: on a `Connection: close` answer undici takes a cut for the end.
      if (end === "reset") response.shouldKeepAlive = true;
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        "transfer-encoding": "chunked",
      });
      let index = 0;
      const next = (): void => {
        if (index < frames.length) {
          response.write(frames[index++]);
          return gapMs > 0 ? scope.later(gapMs, next) : next();
        }
        if (end === "close") response.end();
        else if (end === "reset") response.socket?.resetAndDestroy();
      };
      next();
    };
  },
};
