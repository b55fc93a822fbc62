import { faults, startFaultServer, type FaultServer } from "@infer/testing";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abortListeners, settlesToZero } from "../__fixtures__/leaks.js";
import { createClient, InferenceAbortError, type InferenceResponse } from "../index.js";

// Load and leaks, bounded and on loopback only: the counts are the issue's, the time limits generous.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ keepAlive: true });
  server.on("ok", faults.json({ ok: true }));
  server.on("never", faults.silent());
});
afterAll(() => server.close());

async function runPool<T>(count: number, concurrency: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

const collect = async (): Promise<void> => {
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** The heap after forced GC: the least of three samples, so one late finalizer does not count. */
const settledHeap = async (): Promise<number> => {
  let least = Number.POSITIVE_INFINITY;
  for (let sample = 0; sample < 3; sample++) {
    await collect();
    least = Math.min(least, process.memoryUsage().heapUsed);
  }
  return least;
};

describe("load and leaks", () => {
  it("10,000 calls at 1,000 concurrency all succeed, within the pool's 64 sockets", { timeout: 300_000 }, async () => {
    const client = createClient({ endpoint: server.url, token: false });
    server.resetPeak();
    const results = await runPool(10_000, 1_000, async () =>
      (await client.post({ model: "ok", json: {} })).json<{ ok: boolean }>(),
    );
    expect(results.every((result) => result.ok === true)).toBe(true);
    expect(server.peakSockets()).toBeLessThanOrEqual(64);
    expect(server.peakSockets()).toBeGreaterThan(1);
  });

  it("honours `connections`", { timeout: 120_000 }, async () => {
    const client = createClient({ endpoint: server.url, token: false, connections: 4 });
    server.resetPeak();
    const before = server.openSockets();
    await runPool(500, 200, async () => (await client.post({ model: "ok", json: {} })).json());
    expect(server.peakSockets() - before).toBeLessThanOrEqual(4);
  });

  it("1,000 in-flight calls sharing one signal, aborted together, leave no listener, socket, warning or unhandled rejection", {
    timeout: 60_000,
  }, async () => {
    const warnings: Error[] = [];
    const unhandled: unknown[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("warning", onWarning);
    process.on("unhandledRejection", onUnhandled);
    try {
      const controller = new AbortController();
      const client = createClient({ endpoint: server.url, token: false, retry: false });
      const calls = Array.from({ length: 1_000 }, (_, index) =>
        client.post(
          { model: "never", json: { index } },
          index % 2 === 0 ? { signal: controller.signal } : { signal: controller.signal, timeout: 60_000 },
        ),
      );
      // Let the pool's sockets reach the server, then abort everything at once.
      const until = Date.now() + 20_000;
      while (server.attempts("never") < 64 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(abortListeners(controller.signal)).toBeLessThanOrEqual(1);
      controller.abort(new Error("all at once"));
      const settled = await Promise.allSettled(calls);
      expect(
        settled.every((result) => result.status === "rejected" && InferenceAbortError.isInstance(result.reason)),
      ).toBe(true);
      expect(abortListeners(controller.signal)).toBe(0);
      expect(await settlesToZero(() => server.openSockets(), 10_000)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("the heap after forced GC returns within 10% of where it started", { timeout: 300_000 }, async () => {
    const client = createClient({ endpoint: server.url, token: false });
    const round = () =>
      runPool(1_000, 200, async (index) =>
        (await client.post({ model: "ok", json: { index } }, { timeout: 30_000 })).json(),
      );
    await round();
    // The server's own log of requests is not the client's memory.
    server.requests.length = 0;
    const before = await settledHeap();
    for (let repeat = 0; repeat < 3; repeat++) await round();
    server.requests.length = 0;
    const after = await settledHeap();
    expect(after, `heap ${before} → ${after} bytes`).toBeLessThanOrEqual(before * 1.1);
  });

  it("a stream abandoned without `break` is released once garbage-collected", { timeout: 120_000 }, async () => {
    const own = await startFaultServer({ keepAlive: true });
    own.on("forever", (request, response, scope) => {
      response.writeHead(200, { "content-type": "text/event-stream", "transfer-encoding": "chunked" });
      const tick = (): void => {
        response.write(`data: {"n":${request.attempt}}\n\n`);
        scope.later(50, tick);
      };
      tick();
    });
    own.on("ok", faults.json({ ok: true }));
    const client = createClient({ endpoint: own.url, token: false, connections: 1 });
    const open = 0;
    const server = own;
    await (async () => {
      const response: InferenceResponse = await client.post({ model: "forever", json: {}, stream: true });
      const iterator = response.body[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      // Dropped here: neither finished, nor returned, nor broken out of.
    })();
    expect(server.openSockets()).toBe(open + 1);
    const until = Date.now() + 20_000;
    while (server.openSockets() > open && Date.now() < until) await collect();
    expect(server.openSockets()).toBe(open);
    // The pool's one socket is free again: the next call goes through.
    expect(await (await client.post({ model: "ok", json: {} }, { timeout: 10_000 })).json()).toEqual({ ok: true });
    await own.close();
  });
});
