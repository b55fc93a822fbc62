import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sendBytes, sendEvents, sendJson, startServer, type TestServer } from "@infer/testing";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
);
// In CI (CI=true) a missing Chromium fails the run, rather than skip the browser tests unseen.
const inCI = process.env["CI"] === "true" || process.env["CI"] === "1";
if (!executablePath && !inCI)
  console.warn("browser tests skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)");

it.runIf(!executablePath && inCI)("finds Chromium in CI (.ci/run installs Debian's chromium)", () => {
  expect.fail(
    "no Chromium at CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser: the browser tests cannot run",
  );
});

describe.skipIf(!executablePath)("browser build in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let bundle: string;
  let loadingAnswered = false;

  beforeAll(async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./__fixtures__/browser-contract.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    bundle = result.outputFiles[0]!.text;
    server = await startServer((request, response) => {
      if (request.url === "/") {
        response.writeHead(200, { "content-type": "text/html" });
        return response.end('<!doctype html><script type="module" src="/contract.js"></script>');
      }
      if (request.url === "/contract.js") {
        response.writeHead(200, { "content-type": "text/javascript" });
        return response.end(bundle);
      }
      if (request.url === "/models/image") return sendBytes(response, new Uint8Array([137, 80, 78, 71]), "image/png");
      if (request.url === "/models/events") return sendEvents(response, [{ token: 1 }, { token: 2 }], { done: true });
      if (request.url === "/blank") {
        response.writeHead(200, { "content-type": "text/html" });
        return response.end("<!doctype html><title>worker</title>");
      }
      if (request.url === "/worker.js") {
        response.writeHead(200, { "content-type": "text/javascript" });
        return response.end(
          `${bundle}\nglobalThis.runContract().then((results) => postMessage(results), (error) => postMessage({ error: String(error) }));`,
        );
      }
      // Loading once per run: every other request to it is answered.
      if (request.url === "/models/loading" && (loadingAnswered = !loadingAnswered)) {
        return sendJson(response, { error: "Model is currently loading", estimated_time: 0.01 }, 503);
      }
      if (request.url === "/models/missing") return sendJson(response, { error: "Model not found" }, 404);
      if (request.url === "/models/slow")
        return void setTimeout(() => !response.destroyed && sendJson(response, { late: true }), 5_000);
      if (request.url === "/models/always-loading")
        return sendJson(response, { error: "Model always-loading is currently loading", estimated_time: 20 }, 503);
      if (request.url === "/models/slow-events") {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write('data:{"token":1}\n\n');
        return void setTimeout(() => !response.destroyed && response.end('data:{"token":2}\n\n'), 5_000);
      }
      if (request.url === "/count")
        return sendJson(response, { count: server.requests.filter((seen) => seen.url.startsWith("/models/")).length });
      return sendJson(response, {
        url: request.url,
        type: request.headers["content-type"] ?? null,
        authorization: request.headers["authorization"] ?? null,
        body: [...request.body],
      });
    });
    browser = await chromium.launch({
      executablePath: executablePath!,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("bundles without undici or node: modules", () => {
    expect(bundle).not.toMatch(/undici|node:fs|node:http/);
  });

  it("passes the transport contract over fetch in a real browser", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    type ContractPage = { runContract: () => Promise<Record<string, unknown>> };
    await page.waitForFunction(
      () => typeof (globalThis as unknown as Partial<ContractPage>).runContract === "function",
    );
    expectContract(await page.evaluate(() => (globalThis as unknown as ContractPage).runContract()));
    await page.close();
  }, 120_000);

  it("passes it in a Web Worker too (no DOM, as in edge runtimes)", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/blank`);
    const results = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          // This file is type-checked without the DOM library: the Worker API, as much of it as is used.
          type WorkerLike = {
            onmessage: ((event: { data: Record<string, unknown> }) => void) | null;
            onerror: ((event: { message: string }) => void) | null;
          };
          const { Worker } = globalThis as unknown as {
            Worker: new (url: string, options: { type: "module" }) => WorkerLike;
          };
          const worker = new Worker("/worker.js", { type: "module" });
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
        }),
    );
    expect(results["error"]).toBeUndefined();
    expectContract(results);
    await page.close();
  }, 120_000);
});

function expectContract(results: Record<string, unknown>): void {
  expect(results["json"]).toMatchObject({
    url: "/models/echo",
    type: "application/json",
    authorization: "Bearer hf_browser",
    body: [...new TextEncoder().encode('{"inputs":"hé"}')],
  });
  expect(results["blob"]).toEqual({ type: "image/png", size: 4 });
  expect(results["events"]).toEqual(['{"token":1}', '{"token":2}', "[DONE]"]);
  expect(results["loading"]).toMatchObject({ url: "/models/loading" });
  expect(results["upload"]).toMatchObject({ type: "image/png", body: [1, 2, 3] });
  expect(results["http"]).toEqual({ status: 404, message: "Model not found" });
  expect(results["path"]).toBe("data");
  expect(results["binary"]).toEqual({
    file: { type: "image/jpeg", body: [7, 8, 9] },
    arrayBuffer: { type: null, body: [4, 5, 6] },
    view: { type: null, body: [3, 4, 5, 6] },
    dataView: { type: null, body: [1, 2] },
    stream: { type: null, body: [10, 11, 12] },
  });
  const paths = results["paths"] as Record<string, { argument: string; message: string } | number>;
  expect(paths["sentRequests"]).toBe(0);
  // Each ends at its deadline or abort (generous bounds: the server would answer only after 5 s or 20 s).
  const timing = results["timing"] as Record<string, { kind: string; ms: number }>;
  expect(timing["timeout"]?.kind).toBe("timeout");
  expect(timing["abort"]?.kind).toBe("abort:stopped by the page");
  expect(timing["loadingTimeout"]?.kind).toBe("timeout");
  expect(timing["loadingAbort"]?.kind).toBe("abort:stopped by the page");
  expect(timing["streamAbort"]?.kind).toBe("abort:stopped by the page");
  for (const [name, { ms }] of Object.entries(timing)) expect(ms, name).toBeLessThan(4_000);
  for (const [name, argument] of [
    ["relative", "image"],
    ["fileUrl", "image"],
    ["urlObject", "audio"],
  ] as const) {
    expect(paths[name], name).toMatchObject({
      argument,
      message: expect.stringMatching(/local paths are not available/),
    });
  }
}
