import { closeSync, openSync, ftruncateSync, mkdtempSync, rmSync } from "node:fs";
import { fork } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "./index.js";

const GIB = 1024 ** 3;
const folder = mkdtempSync(join(tmpdir(), "infer-upload-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("upload", () => {
  it("streams a 1 GiB file from its path with peak RSS growth under 100 MB", async () => {
    const path = join(folder, "sparse.bin");
    const descriptor = openSync(path, "w");
    ftruncateSync(descriptor, GIB);
    closeSync(descriptor);

    // The server reads in its own process, so the RSS measured here is the client's alone.
    const server = fork(fileURLToPath(new URL("./__fixtures__/counting-server.mjs", import.meta.url)), { stdio: "inherit" });
    const endpoint = await new Promise<string>((resolve) => server.once("message", (message) => resolve((message as { url: string }).url)));

    // Idle means ready: undici loaded (it is imported on the first request) and a connection made.
    const client = createClient({ endpoint, token: false });
    expect(await (await client.post({ model: "m", data: new Uint8Array(1024) })).json()).toEqual({ received: 1024 });
    const idle = process.memoryUsage.rss();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    try {
      const response = await client.post({ model: "m", data: path });
      expect(await response.json()).toEqual({ received: GIB });
    } finally {
      clearInterval(sampler);
      server.kill();
    }
    const growth = (peak - idle) / 1024 ** 2;
    console.log(`1 GiB upload: peak RSS growth ${growth.toFixed(1)} MB`);
    expect(growth).toBeLessThan(100);
  }, 60_000);
});
