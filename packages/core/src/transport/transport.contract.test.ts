import { sendBytes, sendEvents, sendJson, startServer, type TestServer } from "@infer/testing";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreClient, createClient, parseServerSentEvents, type ClientOptions } from "../index.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer((request, response) => {
    switch (request.url) {
      case "/models/json":
        return sendJson(response, { ok: true, echo: request.body.toString("utf8") }, 200, { "x-request-id": "r-1" });
      case "/models/bytes":
        return sendBytes(response, new Uint8Array([1, 2, 3, 250]), "image/png");
      case "/models/gzip-bytes":
        response.writeHead(200, { "content-type": "audio/flac", "content-encoding": "gzip" });
        return response.end(gzipSync(Buffer.from([1, 2, 3, 250])));
      case "/models/events":
        return sendEvents(response, [{ n: 1 }, { n: 2 }], { done: true });
      case "/models/redirect":
        response.writeHead(307, { location: "/models/json" });
        return response.end();
      default:
        return sendJson(response, { error: "not found" }, 404);
    }
  });
});
afterAll(() => server.close());

const transports: [string, ClientOptions][] = [
  ["undici", {}],
  ["fetch", { fetch: (input, init) => fetch(input, init) }],
];

describe.each(transports)("transport contract (%s)", (_name, transportOptions) => {
  const client = () => new CoreClient({ endpoint: server.url, token: false, retry: false, ...transportOptions });

  it("posts JSON and reads status, headers and json()", async () => {
    const response = await client().post({ model: "json", json: { inputs: "héllo" } });
    expect(response.status).toBe(200);
    expect(response.header("X-Request-Id")).toBe("r-1");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ ok: true, echo: '{"inputs":"héllo"}' });
    expect(server.requests.at(-1)?.headers["content-type"]).toBe("application/json");
  });

  it("reads text(), bytes(), arrayBuffer() and blob()", async () => {
    const c = client();
    expect(await (await c.post({ model: "json", json: 1 })).text()).toBe('{"ok":true,"echo":"1"}');
    expect([...(await (await c.post({ model: "bytes", json: 1 })).bytes())]).toEqual([1, 2, 3, 250]);
    expect([...new Uint8Array(await (await c.post({ model: "bytes", json: 1 })).arrayBuffer())]).toEqual([
      1, 2, 3, 250,
    ]);
    const blob = await (await c.post({ model: "bytes", json: 1 })).blob();
    expect(blob.type).toBe("image/png");
    expect(blob.size).toBe(4);
  });

  it("reads an encoded answer's bytes() as a plain Uint8Array that owns its whole buffer", async () => {
    const bytes = await (await client().post({ model: "gzip-bytes", json: 1 })).bytes();
    // A Buffer (or a view into zlib's or Buffer's pool) would break `new Uint8Array(bytes.buffer)` and deep equality.
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, 4]);
    expect(bytes).toEqual(new Uint8Array([1, 2, 3, 250]));
  });

  it("iterates the body and parses events", async () => {
    const response = await client().post({ model: "bytes", json: 1 });
    let total = 0;
    for await (const chunk of response.body) total += chunk.byteLength;
    expect(total).toBe(4);
    const events: string[] = [];
    for await (const event of parseServerSentEvents(
      (await client().post({ model: "events", json: 1, stream: true })).body,
    ))
      events.push(event.data);
    expect(events).toEqual(['{"n":1}', '{"n":2}', "[DONE]"]);
    expect(server.requests.at(-1)?.headers["accept"]).toBe("text/event-stream");
  });

  it("follows a 307 redirect, resending the body", async () => {
    const response = await client().post({ model: "redirect", json: { a: 1 } });
    expect(await response.json()).toEqual({ ok: true, echo: '{"a":1}' });
    expect(server.requests.at(-1)?.url).toBe("/models/json");
  });

  it("rejects a status ≥ 400 with InferenceHTTPError", async () => {
    const error = await client()
      .post({ model: "missing", json: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "InferenceHTTPError", status: 404, serverMessage: "not found" });
  });
});

describe("createClient", () => {
  it("returns a CoreClient with the options it was given", () => {
    const client = createClient({ model: "gpt2", timeout: 5 });
    expect(client).toBeInstanceOf(CoreClient);
    expect(client.options).toEqual({ model: "gpt2", timeout: 5 });
  });
});
