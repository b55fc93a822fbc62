import { execFile, fork } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const GIB = 1024 ** 3;
const folder = mkdtempSync(join(tmpdir(), "infer-upload-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

describe("upload", () => {
  it("streams a 1 GiB file from its path with peak RSS growth under 100 MB", async () => {
    const path = join(folder, "sparse.bin");
    const descriptor = openSync(path, "w");
    ftruncateSync(descriptor, GIB);
    closeSync(descriptor);

    // Server and client each run in a process of their own (the client from core's built dist), so the
    // RSS measured is the client's alone, whatever else the test runner holds.
    const server = fork(fixture("counting-server.mjs"), { stdio: "inherit" });
    try {
      const endpoint = await new Promise<string>((resolve) =>
        server.once("message", (message) => resolve((message as { url: string }).url)),
      );
      const { stdout } = await promisify(execFile)(process.execPath, [fixture("upload-client.mjs"), endpoint, path]);
      const { answer, idle, peak } = JSON.parse(stdout) as { answer: unknown; idle: number; peak: number };
      const growth = (peak - idle) / 1024 ** 2;
      console.log(`1 GiB upload: peak RSS growth ${growth.toFixed(1)} MB above the idle client`);
      expect(answer).toEqual({ received: GIB });
      expect(growth).toBeLessThan(100);
    } finally {
      server.kill();
    }
  }, 120_000);
});
