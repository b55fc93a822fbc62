import { faults, startFaultServer, type FaultServer } from "@infer/testing";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abortListeners, settlesToZero } from "../__fixtures__/leaks.js";
import { createClient, InferenceAbortError, InferenceTimeoutError, parseServerSentEvents } from "../index.js";

// The soak: the fault suite's load and timing cases at full scale and real durations.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const frame = (n: number) => `data: {"n":${n}}\n\n`;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ keepAlive: true });
  server.on("ok", faults.json({ ok: true }));
  server.on("never", faults.silent());
});
afterAll(() => server.close());

async function runPool(count: number, concurrency: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function collect(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("soak", () => {
  it("a 30 s gap between events: read through with a 45 s timeout, cut with a 10 s one", async () => {
    const gapped = await startFaultServer();
    gapped.on("gap", faults.events([frame(1), frame(2), "data: [DONE]\n\n"], { gapMs: 30_000 }));
    try {
      const seen: string[] = [];
      for await (const event of parseServerSentEvents(
        (
          await createClient({ endpoint: gapped.url, token: false, timeout: 45_000 }).post({
            model: "gap",
            json: {},
            stream: true,
          })
        ).body,
      )) {
        seen.push(event.data);
      }
      expect(seen).toEqual(['{"n":1}', '{"n":2}', "[DONE]"]);
      const cut = createClient({ endpoint: gapped.url, token: false, timeout: 10_000 });
      const error = await (async () => {
        for await (const _event of parseServerSentEvents(
          (await cut.post({ model: "gap", json: {}, stream: true })).body,
        ));
      })().catch((caught: unknown) => caught);
      expect(InferenceTimeoutError.isInstance(error)).toBe(true);
    } finally {
      await gapped.close();
    }
  });

  it("100,000 calls at 1,000 concurrency: all succeed, ≤ 64 sockets, heap back within 10%", async () => {
    const client = createClient({ endpoint: server.url, token: false });
    await runPool(2_000, 1_000, async () => (await client.post({ model: "ok", json: {} })).json());
    server.requests.length = 0;
    await collect();
    const before = process.memoryUsage().heapUsed;
    server.resetPeak();
    let ok = 0;
    for (let round = 0; round < 10; round++) {
      await runPool(10_000, 1_000, async () => {
        if (((await (await client.post({ model: "ok", json: {} }, { timeout: 30_000 })).json()) as { ok: boolean }).ok)
          ok++;
      });
      server.requests.length = 0;
    }
    expect(ok).toBe(100_000);
    expect(server.peakSockets()).toBeLessThanOrEqual(64);
    await collect();
    expect(process.memoryUsage().heapUsed).toBeLessThanOrEqual(before * 1.1);
  });

  it("20 rounds of 1,000 calls sharing one signal, aborted together: no listener, no socket left", async () => {
    const client = createClient({ endpoint: server.url, token: false, retry: false });
    for (let round = 0; round < 20; round++) {
      const controller = new AbortController();
      const calls = Array.from({ length: 1_000 }, () =>
        client.post({ model: "never", json: {} }, { signal: controller.signal }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      const settled = await Promise.allSettled(calls);
      expect(
        settled.every((result) => result.status === "rejected" && InferenceAbortError.isInstance(result.reason)),
      ).toBe(true);
      expect(abortListeners(controller.signal)).toBe(0);
    }
    expect(await settlesToZero(() => server.openSockets(), 30_000)).toBe(0);
  });
});
