import { closeSync, openSync, ftruncateSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

    let received = 0;
    const server = createServer((request, response) => {
      request.on("data", (chunk: Buffer) => {
        received += chunk.byteLength;
      });
      request.on("end", () => response.end(JSON.stringify({ received })));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    global.gc?.();
    const idle = process.memoryUsage.rss();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    try {
      const response = await createClient({ endpoint: `http://127.0.0.1:${port}`, token: false }).post({ model: "m", data: path });
      expect(await response.json()).toEqual({ received: GIB });
    } finally {
      clearInterval(sampler);
      server.close();
    }
    const growth = (peak - idle) / 1024 ** 2;
    console.log(`1 GiB upload: peak RSS growth ${growth.toFixed(1)} MB`);
    expect(received).toBe(GIB);
    expect(growth).toBeLessThan(100);
  }, 60_000);
});
