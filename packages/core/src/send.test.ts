import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  InferenceAbortError,
  InferenceConnectionError,
  InferenceHTTPError,
  InferenceTimeoutError,
  type ClientOptions,
} from "./index.js";
import type { ServerResponse } from "node:http";

type Reply = (response: ServerResponse, attempt: number) => void;
let server: TestServer;
let reply: Reply = (response) => sendJson(response, { ok: true });
let attempts = 0;
// Each test's client tags its requests with the test's number, and only the current test's requests count: on a
// loaded machine a request an earlier test gave up on (timed out, aborted) can reach the server after the reset.
let testNumber = 0;

beforeAll(async () => {
  server = await startServer((request, response) =>
    request.headers["x-test-number"] === String(testNumber) ? reply(response, attempts++) : sendJson(response, {}, 410),
  );
});
afterAll(() => server.close());
afterEach(() => {
  attempts = 0;
  testNumber++;
});

const client = (options: ClientOptions = {}) =>
  createClient({
    endpoint: server.url,
    token: false,
    retry: { minDelay: 10, maxDelay: 200 },
    ...options,
    headers: { "x-test-number": String(testNumber), ...options.headers },
  });
const loading =
  (estimated: number): Reply =>
  (response) =>
    sendJson(response, { error: "Model m is currently loading", estimated_time: estimated }, 503);

describe("send", () => {
  describe("a loading model", () => {
    it("waits out 503 'currently loading' and then answers", async () => {
      reply = (response, attempt) => (attempt < 2 ? loading(0.01)(response, attempt) : sendJson(response, { ok: 1 }));
      const response = await client().post({ model: "m", json: {} });
      expect(await response.json()).toEqual({ ok: 1 });
      expect(attempts).toBe(3);
    });

    it("rejects with InferenceTimeoutError within the timeout while estimated_time is 20 s", async () => {
      reply = loading(20);
      const started = performance.now();
      const error = await client({ retry: {} })
        .post({ model: "m", json: {} }, { timeout: 1500 })
        .catch((caught: unknown) => caught);
      const elapsed = performance.now() - started;
      expect(InferenceTimeoutError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/1500 ms while m was loading/);
      // Timers never fire early, so the lower bound is exact; the upper bound only has to tell "stopped at the
      // timeout" from "slept through the 20 s estimate" (or maxDelay, 10 s), with room for a loaded machine.
      expect(elapsed).toBeGreaterThanOrEqual(1400);
      expect(elapsed).toBeLessThan(8000);
    }, 120_000);

    it("rejects with InferenceAbortError within 200 ms of an abort during the wait", async () => {
      reply = loading(20);
      const controller = new AbortController();
      const pending = client({ retry: {} }).post({ model: "m", json: {} }, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const reason = new Error("user gave up");
      const aborted = performance.now();
      controller.abort(reason);
      const error = await pending.catch((caught: unknown) => caught);
      // Without the abort the wait lasts maxDelay (10 s, ±10%): anything well under that proves it stopped at once.
      expect(performance.now() - aborted).toBeLessThan(4000);
      expect(InferenceAbortError.isInstance(error)).toBe(true);
      expect((error as Error).cause).toBe(reason);
    });

    it("does not wait with retry: false", async () => {
      reply = loading(20);
      const error = await client({ retry: false })
        .post({ model: "m", json: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 503 });
      expect(attempts).toBe(1);
    });
  });

  describe("retries", () => {
    it("honours Retry-After on 429", async () => {
      reply = (response, attempt) =>
        attempt === 0
          ? sendJson(response, { error: "slow down" }, 429, { "retry-after": "0.1" })
          : sendJson(response, { ok: 2 });
      const started = performance.now();
      const response = await client().post({ model: "m", json: {} });
      expect(await response.json()).toEqual({ ok: 2 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      expect(attempts).toBe(2);
    });

    it("gives up on a Retry-After longer than maxDelay and surfaces the 429", async () => {
      reply = (response) => sendJson(response, { error: "slow down" }, 429, { "retry-after": "3600" });
      const error = await client()
        .post({ model: "m", json: {} })
        .catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error) && error.status).toBe(429);
      expect(attempts).toBe(1);
    });

    it("retries 502 and 504 a bounded number of times", async () => {
      reply = (response, attempt) => sendJson(response, { error: "bad gateway" }, attempt % 2 === 0 ? 502 : 504);
      const error = await client({ retry: { retries: 3, minDelay: 1, maxDelay: 5 } })
        .post({ model: "m", json: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: "InferenceHTTPError", status: 504 });
      expect(attempts).toBe(4);
    });

    it("never retries a 400 or a 500", async () => {
      for (const status of [400, 500]) {
        attempts = 0;
        reply = (response) => sendJson(response, { error: "no" }, status);
        await expect(client().post({ model: "m", json: {} })).rejects.toMatchObject({ status });
        expect(attempts).toBe(1);
      }
    });

    it("retries a connection reset, then succeeds", async () => {
      reply = (response, attempt) => (attempt === 0 ? response.socket?.destroy() : sendJson(response, { ok: 3 }));
      const response = await client().post({ model: "m", json: {} });
      expect(await response.json()).toEqual({ ok: 3 });
      expect(attempts).toBe(2);
    });

    it("reports a refused connection as InferenceConnectionError", async () => {
      const closed = await startServer(() => {});
      const url = closed.url;
      await closed.close();
      const error = await createClient({ endpoint: url, token: false, retry: false })
        .post({ model: "m", json: {} })
        .catch((caught: unknown) => caught);
      expect(InferenceConnectionError.isInstance(error)).toBe(true);
    });

    it("never retries past the timeout", async () => {
      // Retry-After 2 s with a 3.9 s timeout: the first wait fits, the second would not, so the second 429 is
      // surfaced at once (about 2 s in), before the deadline. Sleeping past the timeout would end in
      // InferenceTimeoutError at 3.9 s, or in a third attempt; sleeping and then giving up would end after 4 s.
      // The second attempt's round trip has almost two seconds of room on a loaded machine.
      reply = (response) => sendJson(response, { error: "busy" }, 429, { "retry-after": "2" });
      const started = performance.now();
      const error = await client({ retry: { retries: 10, maxDelay: 5000 } })
        .post({ model: "m", json: {} }, { timeout: 3900 })
        .catch((caught: unknown) => caught);
      const elapsed = performance.now() - started;
      expect(error).toMatchObject({ name: "InferenceHTTPError", status: 429 });
      expect(attempts).toBe(2);
      expect(elapsed).toBeGreaterThanOrEqual(1900);
      expect(elapsed).toBeLessThan(3900);
    });
  });

  describe("timeouts and aborts", () => {
    it("times out a server that never answers", async () => {
      reply = () => {};
      const error = await client()
        .post({ model: "m", json: {} }, { timeout: 100 })
        .catch((caught: unknown) => caught);
      expect(InferenceTimeoutError.isInstance(error)).toBe(true);
    });

    it("aborts with the client's signal", async () => {
      reply = () => {};
      const controller = new AbortController();
      const pending = client({ signal: controller.signal }).post({ model: "m", json: {} });
      setTimeout(() => controller.abort("stop"), 20);
      const error = await pending.catch((caught: unknown) => caught);
      expect(InferenceAbortError.isInstance(error)).toBe(true);
      expect((error as Error).cause).toBe("stop");
    });

    it("rejects at once when the signal is already aborted, sending nothing", async () => {
      // Its own model name: a request of an earlier test may still reach the server late.
      const error = await client()
        .post({ model: "never-sent", json: {} }, { signal: AbortSignal.abort("early") })
        .catch((caught: unknown) => caught);
      expect(InferenceAbortError.isInstance(error)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.requests.some((request) => request.url.includes("never-sent"))).toBe(false);
    });
  });
});
