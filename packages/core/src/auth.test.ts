import { sendBytes, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InferenceHTTPError, VERSION } from "./index.js";

let inference: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startServer((request, response) => {
    if (request.url === "/image.png") return sendBytes(response, new Uint8Array([137, 80, 78, 71]), "image/png");
    return sendJson(response, { landed: request.url });
  });
  inference = await startServer((request, response) => {
    if (request.url === "/models/leak") {
      return sendJson(response, { error: `bad token ${String(request.headers["authorization"]).slice(7)}` }, 401, {
        "x-request-id": "req-9",
        "x-error-message": "Authorization failed",
      });
    }
    if (request.url === "/models/away") {
      response.writeHead(307, { location: `${other.url}/elsewhere` });
      return response.end();
    }
    if (request.url === "/models/here") {
      response.writeHead(308, { location: "/models/landing" });
      return response.end();
    }
    return sendJson(response, { landed: request.url });
  });
});
afterAll(async () => {
  await inference.close();
  await other.close();
});

const token = "hf_SuperSecretToken123";
const client = () => createClient({ endpoint: inference.url, token, retry: false });

describe("auth and headers", () => {
  it("sends the token, the User-Agent and JSON content type to the endpoint", async () => {
    await client().post({ model: "m", json: {} });
    const headers = inference.requests.at(-1)!.headers;
    expect(headers["authorization"]).toBe(`Bearer ${token}`);
    expect(headers["user-agent"]).toBe(`@infer/core/${VERSION} (node ${process.versions.node})`);
    expect(headers["content-type"]).toBe("application/json");
  });

  it("never sends the token to the host of a URL given as an input", async () => {
    await client().post({ model: "m", data: `${other.url}/image.png` });
    const download = other.requests.at(-1)!;
    expect(download.url).toBe("/image.png");
    expect(download.headers["authorization"]).toBeUndefined();
    const upload = inference.requests.at(-1)!;
    expect(upload.headers["authorization"]).toBe(`Bearer ${token}`);
    expect([...upload.body]).toEqual([137, 80, 78, 71]);
    expect(upload.headers["content-type"]).toBe("image/png");
  });

  it("drops the token across an origin-changing redirect", async () => {
    const response = await client().post({ model: "away", json: { a: 1 } });
    expect(await response.json()).toEqual({ landed: "/elsewhere" });
    expect(other.requests.at(-1)!.headers["authorization"]).toBeUndefined();
    expect(other.requests.at(-1)!.json()).toEqual({ a: 1 });
  });

  it("keeps the token on a same-origin redirect", async () => {
    await client().post({ model: "here", json: {} });
    expect(inference.requests.at(-1)!.url).toBe("/models/landing");
    expect(inference.requests.at(-1)!.headers["authorization"]).toBe(`Bearer ${token}`);
  });

  it("drops the token across a redirect with the fetch transport too", async () => {
    const viaFetch = createClient({
      endpoint: inference.url,
      token,
      retry: false,
      fetch: (input, init) => fetch(input, init),
    });
    await viaFetch.post({ model: "away", json: {} });
    expect(other.requests.at(-1)!.headers["authorization"]).toBeUndefined();
  });

  it("lets user headers override defaults case-insensitively, the call's over the client's", async () => {
    const custom = createClient({
      endpoint: inference.url,
      token,
      headers: { "User-Agent": "mine/1.0", "X-Client": "a", AUTHORIZATION: "Bearer other" },
    });
    await custom.post(
      { model: "m", json: {}, headers: { accept: "image/png" } },
      { headers: { "x-client": "b", Accept: "image/jpeg" } },
    );
    const headers = inference.requests.at(-1)!.headers;
    expect(headers["user-agent"]).toBe("mine/1.0");
    expect(headers["x-client"]).toBe("b");
    expect(headers["accept"]).toBe("image/jpeg");
    expect(headers["authorization"]).toBe("Bearer other");
  });

  it("sends no Authorization with token: false", async () => {
    await createClient({ endpoint: inference.url, token: false }).post({ model: "m", json: {} });
    expect(inference.requests.at(-1)!.headers["authorization"]).toBeUndefined();
  });

  it("keeps the token out of the error's message, fields and stack, even when the server echoes it", async () => {
    const error = await client()
      .post({ model: "leak", json: {} })
      .catch((caught: unknown) => caught);
    expect(InferenceHTTPError.isInstance(error)).toBe(true);
    const httpError = error as InferenceHTTPError;
    expect(httpError.status).toBe(401);
    expect(httpError.requestId).toBe("req-9");
    expect(httpError.serverMessage).toBe("bad token hf_***; Authorization failed");
    const everything = JSON.stringify({
      ...httpError,
      message: httpError.message,
      stack: httpError.stack,
      body: httpError.body,
    });
    expect(everything).not.toContain(token);
    expect(httpError.message).toContain("req-9");
  });
});
