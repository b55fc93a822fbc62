import { sendJson, startServer, type TestServer } from "@infer/testing";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) =>
    request.method === "GET" ? sendJson(response, { pipeline_tag: "fill-mask" }) : sendJson(response, [{ score: 1 }]),
  );
});
afterAll(() => server.close());

describe("@infer/compat", () => {
  describe("deprecation warning", () => {
    it("warns once with console.warn, never more, and not on import", async () => {
      // This file's own process: forget any earlier warning, so the count starts from zero.
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("@infer/compat.deprecation-warned")];
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        const { InferenceApi } = await import("./index.js");
        expect(warn).not.toHaveBeenCalled();
        for (const repoId of ["bert-base-uncased", "distilbert-base-uncased", "roberta-base"]) {
          const inference = new InferenceApi(repoId, { endpoint: server.url, hubEndpoint: server.url, token: false });
          await inference("The goal of life is [MASK].");
          await inference("Paris is the [MASK] of France.");
        }
        expect(warn).toHaveBeenCalledTimes(1);
        expect(warn.mock.calls[0]?.[0]).toMatch(/InferenceApi is deprecated.*InferenceClient/);
      } finally {
        warn.mockRestore();
      }
    });

    it("warns once in a whole Node process, even with two copies of the package installed", async () => {
      // A second copy beside the first, resolving @infer/core the same way: what a duplicate install is.
      const copy = mkdtempSync(fileURLToPath(new URL("../.copy-", import.meta.url)));
      cpSync(fileURLToPath(new URL("../dist", import.meta.url)), join(copy, "dist"), { recursive: true });
      const script = `
        let warnings = 0;
        console.warn = () => { warnings++; };
        const first = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
        const second = await import(${JSON.stringify(pathToFileURL(join(copy, "dist", "index.js")).href)});
        if (first.InferenceApi === second.InferenceApi) throw new Error("expected two copies");
        for (const { InferenceApi } of [first, second, first]) {
          const inference = new InferenceApi("bert-base-uncased", { endpoint: process.env.URL, hubEndpoint: process.env.URL, token: false });
          await inference("The goal of life is [MASK].");
        }
        process.stdout.write(String(warnings));
      `;
      try {
        const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "--eval", script], {
          env: { ...process.env, URL: server.url },
        });
        expect(stdout).toBe("1");
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  });
});
