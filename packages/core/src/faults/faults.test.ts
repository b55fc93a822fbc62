import { faults, refusedUrl, startFaultServer, type FaultServer } from "@infer/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { abortListeners, liveTimers, refSockets, settlesToZero, trackTimers } from "../__fixtures__/leaks.js";
import {
  createClient,
  InferenceConnectionError,
  InferenceError,
  InferenceHTTPError,
  InferenceOutputError,
  InferenceTimeoutError,
  parseServerSentEvents,
  ValidationError,
  type ClientOptions,
} from "../index.js";
import { readJsonEvents } from "../task-kit-entry.js";

// Every case runs the call with a client-wide and a per-call signal (never aborted), then checks that the
// call left no listener on either, no pending core timer, and no socket (answers close their connections).
let server: FaultServer;
let other: FaultServer;
let clientSignal: AbortController;
let callSignal: AbortController;
const TOKEN = "hf_faultSuiteSecret0123456789";

beforeAll(async () => {
  trackTimers();
  server = await startFaultServer();
  other = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

afterEach(async () => {
  expect(abortListeners(clientSignal.signal), "listeners left on the client's signal").toBe(0);
  expect(abortListeners(callSignal.signal), "listeners left on the call's signal").toBe(0);
  expect(await settlesToZero(liveTimers), "core timers left pending").toBe(0);
  await server.idle();
  await other.idle();
  expect(await settlesToZero(refSockets), "client sockets left open").toBe(0);
});

type Transport = "undici" | "fetch";
function client(options: ClientOptions = {}, transport: Transport = "undici") {
  clientSignal = new AbortController();
  callSignal = new AbortController();
  return createClient({
    endpoint: server.url,
    token: false,
    retry: { retries: 2, minDelay: 10, maxDelay: 100 },
    signal: clientSignal.signal,
    ...(transport === "fetch" ? { fetch: (input: string, init: RequestInit) => fetch(input, init) } : {}),
    ...options,
  });
}
const call = () => ({ signal: callSignal.signal });

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

function expectClass(error: unknown, type: { isInstance(value: unknown): boolean; kind: string }): void {
  expect((error as Error)?.name, String(error)).toBe(type.kind);
  expect(type.isInstance(error)).toBe(true);
}

describe("fault suite", () => {
  describe("connections", () => {
    it("connection refused → InferenceConnectionError, not retried", async () => {
      const url = await refusedUrl();
      const error = await failure(client({ endpoint: url }).post({ model: "m", json: {} }, call()));
      expectClass(error, InferenceConnectionError);
      expect((error as InferenceConnectionError).retryable).toBe(false);
    });

    it("reset before headers → retried, then InferenceConnectionError", async () => {
      server.on("reset", faults.resetBeforeHeaders());
      const error = await failure(client().post({ model: "reset", json: {} }, call()));
      expectClass(error, InferenceConnectionError);
      expect(server.attempts("reset")).toBe(3);
    });

    it("reset mid-body → InferenceConnectionError", async () => {
      server.on("mid", faults.resetMidBody());
      const response = await client().post({ model: "mid", json: {} }, call());
      expectClass(await failure(response.json()), InferenceConnectionError);
    });

    it("headers that never come → InferenceTimeoutError at the timeout", async () => {
      server.on("silent", faults.silent());
      const error = await failure(client({ timeout: 800 }).post({ model: "silent", json: {} }, call()));
      expectClass(error, InferenceTimeoutError);
    });

    it("a Content-Length longer than the body → InferenceConnectionError", async () => {
      server.on("short", faults.shortBody(100, '{"a":1}'));
      const response = await client().post({ model: "short", json: {} }, call());
      expectClass(await failure(response.json()), InferenceConnectionError);
    });

    it("a body trickled one byte per second, read whole → InferenceTimeoutError at the timeout", async () => {
      server.on("trickle", faults.trickle('{"a":1}', 1_000));
      const response = await client({ timeout: 1_500 }).post({ model: "trickle", json: {} }, call());
      expectClass(await failure(response.json()), InferenceTimeoutError);
    });

    it("a body trickled one byte per second, streamed → read to the end past the timeout", {
      timeout: 30_000,
    }, async () => {
      server.on("trickle-stream", faults.trickle("abcdef", 1_000, "text/plain"));
      const response = await client({ timeout: 3_000 }).post({ model: "trickle-stream", json: {} }, call());
      let text = "";
      for await (const chunk of response.body) text += new TextDecoder().decode(chunk);
      expect(text).toBe("abcdef");
    });
  });

  describe("bodies", () => {
    it("an empty 200 read as JSON → InferenceOutputError", async () => {
      server.on("empty", faults.raw(200, { "content-type": "application/json", "content-length": "0" }));
      const response = await client().post({ model: "empty", json: {} }, call());
      expectClass(await failure(response.json()), InferenceOutputError);
    });

    it("invalid JSON → InferenceOutputError with the raw body", async () => {
      server.on("invalid", faults.raw(200, { "content-type": "application/json" }, "{not json"));
      const response = await client().post({ model: "invalid", json: {} }, call());
      const error = await failure(response.json());
      expectClass(error, InferenceOutputError);
      expect((error as InferenceOutputError).body).toBe("{not json");
    });

    for (const transport of ["undici", "fetch"] as const) {
      for (const encoding of ["gzip", "deflate", "br"] as const) {
        it(`a ${encoding} answer is decoded (${transport}), and gzip, deflate, br are advertised`, async () => {
          server.on(`enc-${encoding}`, faults.encoded(encoding, { decoded: encoding, text: "é".repeat(2_000) }));
          const response = await client({}, transport).post({ model: `enc-${encoding}`, json: {} }, call());
          expect(await response.json()).toEqual({ decoded: encoding, text: "é".repeat(2_000) });
          expect(server.requests.at(-1)?.headers["accept-encoding"]).toMatch(/gzip, deflate, br/);
        });
      }

      it(`a ${transport} error answer in gzip is decoded into InferenceHTTPError`, async () => {
        server.on("enc-error", faults.encoded("gzip", { error: "bad input, decoded" }, 400));
        const error = await failure(client({}, transport).post({ model: "enc-error", json: {} }, call()));
        expectClass(error, InferenceHTTPError);
        expect((error as InferenceHTTPError).serverMessage).toBe("bad input, decoded");
      });

      it(`a corrupt gzip body → InferenceOutputError (${transport})`, async () => {
        server.on("corrupt", faults.corrupt("gzip"));
        const response = await client({}, transport).post({ model: "corrupt", json: {} }, call());
        expectClass(await failure(response.json()), InferenceOutputError);
      });
    }
  });

  describe("statuses", () => {
    it("a 429 storm with Retry-After in seconds → bounded retries, then InferenceHTTPError 429", async () => {
      server.on("storm", faults.json({ error: "slow down" }, 429, { "retry-after": "1" }));
      const error = await failure(
        client({ retry: { retries: 1, minDelay: 10, maxDelay: 5_000 } }).post({ model: "storm", json: {} }, call()),
      );
      expectClass(error, InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(429);
      expect(server.attempts("storm")).toBe(2);
    });

    it("a 429 with Retry-After as an HTTP date is waited out, then answers", async () => {
      server.on(
        "storm-date",
        faults.sequence(
          (request, response, scope) =>
            faults.json({ error: "slow down" }, 429, { "retry-after": new Date(Date.now() + 1_000).toUTCString() })(
              request,
              response,
              scope,
            ),
          faults.json({ ok: true }),
        ),
      );
      const response = await client({ retry: { retries: 2, minDelay: 10, maxDelay: 5_000 } }).post(
        { model: "storm-date", json: {} },
        call(),
      );
      expect(await response.json()).toEqual({ ok: true });
      expect(server.attempts("storm-date")).toBe(2);
    });

    it("a 429 whose Retry-After is past the timeout fails at once with InferenceHTTPError 429", async () => {
      server.on("storm-long", faults.json({ error: "slow down" }, 429, { "retry-after": "3600" }));
      const started = Date.now();
      const error = await failure(client({ timeout: 20_000 }).post({ model: "storm-long", json: {} }, call()));
      expectClass(error, InferenceHTTPError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("503 loading, then recovering → answers", async () => {
      const loading = faults.json({ error: "Model m is currently loading", estimated_time: 0.01 }, 503);
      server.on("loading", faults.sequence(loading, loading, loading, faults.json({ ok: "loaded" })));
      const response = await client().post({ model: "loading", json: {} }, call());
      expect(await response.json()).toEqual({ ok: "loaded" });
      expect(server.attempts("loading")).toBe(4);
    });

    it("503 loading forever → InferenceTimeoutError at the timeout", async () => {
      server.on("loading-forever", faults.json({ error: "Model m is currently loading", estimated_time: 0.05 }, 503));
      const error = await failure(client({ timeout: 1_000 }).post({ model: "loading-forever", json: {} }, call()));
      expectClass(error, InferenceTimeoutError);
      expect((error as Error).message).toMatch(/loading/);
    });

    it("500 → InferenceHTTPError 500, never retried", async () => {
      server.on("500", faults.json({ error: "boom" }, 500));
      const error = await failure(client().post({ model: "500", json: {} }, call()));
      expectClass(error, InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(500);
      expect(server.attempts("500")).toBe(1);
    });

    for (const status of [502, 504]) {
      it(`${status} → bounded retries, then InferenceHTTPError ${status}`, async () => {
        server.on(`s${status}`, faults.json({ error: "gateway" }, status));
        const error = await failure(client().post({ model: `s${status}`, json: {} }, call()));
        expectClass(error, InferenceHTTPError);
        expect((error as InferenceHTTPError).status).toBe(status);
        expect(server.attempts(`s${status}`)).toBe(3);
      });
    }
  });

  describe("redirects", () => {
    it("to the same origin keeps the token; a relative Location resolves", async () => {
      server.on("target", faults.json({ ok: "same" }));
      server.on("same", faults.redirect(307, `${server.url}/models/target`));
      server.on("relative", faults.redirect(302, "target"));
      const c = client({ token: TOKEN });
      expect(await (await c.post({ model: "same", json: {} }, call())).json()).toEqual({ ok: "same" });
      expect(server.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
      expect(await (await c.post({ model: "relative", json: {} }, call())).json()).toEqual({ ok: "same" });
      expect(server.requests.at(-1)?.url).toBe("/models/target");
    });

    it("to another origin drops Authorization", async () => {
      other.on("elsewhere", faults.json({ ok: "other" }));
      server.on("cross", faults.redirect(307, `${other.url}/models/elsewhere`));
      const response = await client({ token: TOKEN }).post({ model: "cross", json: {} }, call());
      expect(await response.json()).toEqual({ ok: "other" });
      expect(other.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });

    it("a redirect loop → InferenceHTTPError", async () => {
      server.on("loop", faults.redirect(302, "loop"));
      const error = await failure(client().post({ model: "loop", json: {} }, call()));
      expectClass(error, InferenceHTTPError);
      expect((error as Error).message).toMatch(/redirects/);
    });
  });

  describe("Server-Sent Events", () => {
    const frame = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
    const stream = (c: ReturnType<typeof client>, model: string) => c.post({ model, json: {}, stream: true }, call());

    it("cut (reset) before the final event → InferenceConnectionError", async () => {
      server.on("sse-cut", faults.events([frame({ n: 1 }), frame({ n: 2 })], { end: "reset", gapMs: 20 }));
      const seen: unknown[] = [];
      const error = await failure(
        (async () => {
          for await (const payload of readJsonEvents(await stream(client(), "sse-cut"), "text-generation"))
            seen.push(payload);
        })(),
      );
      expectClass(error, InferenceConnectionError);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    });

    it("closed before [DONE] → the events, and end.done stays false", async () => {
      server.on("sse-short", faults.events([frame({ n: 1 })]));
      const end = { done: false };
      const seen: unknown[] = [];
      for await (const payload of readJsonEvents(await stream(client(), "sse-short"), "text-generation", end))
        seen.push(payload);
      expect(seen).toEqual([{ n: 1 }]);
      expect(end.done).toBe(false);
    });

    it("an error event → its typed TGI error", async () => {
      server.on(
        "sse-error",
        faults.events([frame({ n: 1 }), frame({ error: "Input validation error", error_type: "validation" })]),
      );
      const error = await failure(
        (async () => {
          for await (const _payload of readJsonEvents(await stream(client(), "sse-error"), "text-generation"));
        })(),
      );
      expectClass(error, ValidationError);
    });

    it("garbage lines are skipped; a payload that is not JSON → InferenceOutputError", async () => {
      server.on(
        "sse-garbage",
        faults.events([
          "garbage without colon\n",
          ": comment\n",
          "nonsense: field\n",
          frame({ n: 1 }),
          "data: {oops\n\n",
        ]),
      );
      const seen: unknown[] = [];
      const error = await failure(
        (async () => {
          for await (const payload of readJsonEvents(await stream(client(), "sse-garbage"), "text-generation"))
            seen.push(payload);
        })(),
      );
      expectClass(error, InferenceOutputError);
      expect(seen).toEqual([{ n: 1 }]);
    });

    it("1 MB events arrive whole", async () => {
      const big = "x".repeat(1024 * 1024);
      server.on("sse-big", faults.events([frame({ big }), frame({ big: big.toUpperCase() }), "data: [DONE]\n\n"]));
      const sizes: number[] = [];
      for await (const payload of readJsonEvents(await stream(client(), "sse-big"), "text-generation"))
        sizes.push((payload as { big: string }).big.length);
      expect(sizes).toEqual([big.length, big.length]);
    });

    it("events keep coming past the timeout → the whole stream is read", { timeout: 120_000 }, async () => {
      const frames = Array.from({ length: 12 }, (_, n) => frame({ n }));
      server.on("sse-slow", faults.events(frames, { gapMs: 200 }));
      const seen: unknown[] = [];
      const response = await stream(client({ timeout: 1_500 }), "sse-slow");
      for await (const event of parseServerSentEvents(response.body)) seen.push(JSON.parse(event.data));
      expect(seen).toHaveLength(12);
    });

    it("a gap between events longer than the timeout → InferenceTimeoutError", async () => {
      server.on("sse-gap", faults.events([frame({ n: 1 }), frame({ n: 2 })], { gapMs: 3_000, end: "hang" }));
      const seen: unknown[] = [];
      const error = await failure(
        (async () => {
          for await (const payload of readJsonEvents(
            await stream(client({ timeout: 1_000 }), "sse-gap"),
            "text-generation",
          ))
            seen.push(payload);
        })(),
      );
      expectClass(error, InferenceTimeoutError);
      expect(seen).toEqual([{ n: 1 }]);
    });

    it("iterating a consumed stream a second time throws a clear error", async () => {
      server.on("sse-twice", faults.events([frame({ n: 1 }), "data: [DONE]\n\n"]));
      const response = await stream(client(), "sse-twice");
      for await (const _event of parseServerSentEvents(response.body));
      const error = await failure(
        (async () => {
          for await (const _event of parseServerSentEvents(response.body));
        })(),
      );
      expect(InferenceError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/already/);
    });
  });
});
