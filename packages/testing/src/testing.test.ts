import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sendJson } from "./index.js";
import { useTaskServer } from "./vitest.js";

const server = useTaskServer({ json: { fallback: true } });

async function post(body: unknown = {}): Promise<Response> {
  return fetch(`${server.url}/models/m`, { method: "POST", body: JSON.stringify(body) });
}

describe("@infer/testing", () => {
  it("imports its entry in a plain Node process, outside any test run (the harness is on ./vitest)", () => {
    const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const harness = fileURLToPath(new URL("../dist/vitest.js", import.meta.url));
    const run = (path: string) =>
      spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(path)});`], {
        encoding: "utf8",
      });
    const plain = run(entry);
    expect(plain.stderr).toBe("");
    expect(plain.status).toBe(0);
    // The vitest-bound subpath still needs a running vitest: that is why it is not the entry.
    expect(run(harness).stderr).toContain("Vitest failed to access its internal state");
  });

  describe("useTaskServer", () => {
    it("answers queued answers in order, one per request, then the fallback", async () => {
      server.answerNext({ json: { first: 1 } }, { json: { second: 2 }, status: 201, headers: { "x-kind": "b" } });
      const first = await post();
      expect(await first.json()).toEqual({ first: 1 });
      const second = await post();
      expect(second.status).toBe(201);
      expect(second.headers.get("x-kind")).toBe("b");
      expect(await second.json()).toEqual({ second: 2 });
      expect(await (await post()).json()).toEqual({ fallback: true });
    });

    it("starts each test with an empty queue", async () => {
      server.answerNext({ json: "left over" });
      await post();
      expect(await (await post()).json()).toEqual({ fallback: true });
    });

    it("records every request, the last one at hand", async () => {
      const before = server.requests.length;
      await post({ n: 1 });
      await post({ n: 2 });
      expect(server.requests.length - before).toBe(2);
      expect(server.last().json()).toEqual({ n: 2 });
      expect(server.last().headers["content-type"]).toContain("text/plain");
    });

    it("answers bytes with their type", async () => {
      server.answerNext({ bytes: new Uint8Array([1, 2, 3]), contentType: "image/png" });
      const response = await post();
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    });

    it("answers events at once (data:, LF) or byte by byte (data: , CRLF), [DONE] last when done", async () => {
      server.answerNext({ events: [{ a: 1 }, "raw"], done: true }, { events: [{ a: "é" }], bytewise: true });
      const whole = await post();
      expect(whole.headers.get("content-type")).toBe("text/event-stream");
      expect(await whole.text()).toBe('data:{"a":1}\n\ndata:raw\n\ndata: [DONE]\n\n');
      const bytewise = await post();
      expect(await bytewise.text()).toBe('data: {"a":"é"}\r\n\r\n');
    });

    it("answers a text body as given, at once or byte by byte, the same bytes", async () => {
      const text = 'data: {"token":"naïve"}\n\n';
      server.answerNext(
        { text, contentType: "text/event-stream" },
        { text, contentType: "text/event-stream", bytewise: true, status: 202 },
      );
      expect(await (await post()).text()).toBe(text);
      const bytewise = await post();
      expect(bytewise.status).toBe(202);
      const reader = (bytewise.body as ReadableStream<Uint8Array>).getReader();
      const chunks: Uint8Array[] = [];
      for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      // How many chunks arrive is up to the network stack (writes one byte apart can coalesce): the bytes are what count.
      expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
    });

    it("answers with a handler that sees the request", async () => {
      server.answerNext((request, response) => sendJson(response, { echoed: request.json() }, 418));
      const response = await post({ hello: "world" });
      expect(response.status).toBe(418);
      expect(await response.json()).toEqual({ echoed: { hello: "world" } });
    });

    it("gives client options for this server with a test token and no retries", () => {
      expect(server.clientOptions()).toEqual({ endpoint: server.url, token: "hf_test", retry: false });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("expectInputError fails when the call resolves, rejects otherwise, names another argument, or sent a request", async () => {
      const inputError = (argument: string) =>
        Object.assign(new Error("bad"), { name: "InferenceInputError", argument });
      await server.expectInputError(() => Promise.reject(inputError("text")), "text");
      await expect(server.expectInputError(() => Promise.resolve("fine"), "text")).rejects.toThrow();
      await expect(server.expectInputError(() => Promise.reject(new Error("other")), "text")).rejects.toThrow();
      await expect(server.expectInputError(() => Promise.reject(inputError("image")), "text")).rejects.toThrow();
      await expect(
        server.expectInputError(async () => {
          await post();
          throw inputError("text");
        }, "text"),
      ).rejects.toThrow(/a request was sent/);
    });
  });
});
