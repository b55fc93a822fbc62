import { faults, startFaultServer, type FaultServer } from "@infer/testing";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearRecommendedModels, createClient, InferenceHTTPError, InferenceOutputError } from "../index.js";

const TOKEN = "hf_secretsSuiteToken0123456789abcdef";
const NAMES = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HF_TOKEN_PATH",
  "HF_HOME",
  "XDG_CACHE_HOME",
  "HF_HUB_DISABLE_IMPLICIT_TOKEN",
];
let saved: Record<string, string | undefined>;
let server: FaultServer;
let other: FaultServer;

beforeAll(async () => {
  server = await startFaultServer();
  other = await startFaultServer();
  // Echoes the Authorization header back, in the body and in a header, with the given status.
  const echo = (status: number, text = false) =>
    ((request, response) => {
      const sent = String(request.headers["authorization"] ?? "");
      const body = text ? `not json, but ${sent}` : JSON.stringify({ error: `bad token ${sent}`, echo: sent });
      response.writeHead(status, { "content-type": "application/json", "x-echo": sent });
      response.end(body);
    }) satisfies Parameters<FaultServer["on"]>[1];
  server.on("echo-401", echo(401));
  server.on("echo-200", echo(200, true));
  server.on("forbidden", faults.json({ error: "Forbidden" }, 403));
  server.on("fail", faults.json({ error: "boom" }, 500));
  other.on("image.png", faults.raw(200, { "content-type": "image/png" }, Buffer.from([1, 2, 3])));
  server.on("ok", faults.json({ ok: true }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  for (const name of NAMES) delete process.env[name];
  process.env["XDG_CACHE_HOME"] = mkdtempSync(join(tmpdir(), "infer-secrets-"));
});
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const failure = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );
const shown = (value: unknown) =>
  [inspect(value, { depth: 10 }), JSON.stringify(value) ?? "", String(value)].join("\n");

describe("secrets", () => {
  it("a client and its options never show the token in inspect, console.log or JSON", () => {
    const client = createClient({ endpoint: server.url, token: TOKEN, timeout: 5 });
    for (const value of [client, client.options, { nested: client }]) {
      expect(shown(value)).not.toContain(TOKEN);
    }
    expect(shown(client)).toContain(server.url);
    expect(client.options.token).toBe(TOKEN);
  });

  it("an HTTP error never shows the token, even when the server echoes it", async () => {
    const error = await failure(
      createClient({ endpoint: server.url, token: TOKEN, retry: false }).post({ model: "echo-401", json: {} }),
    );
    expect(InferenceHTTPError.isInstance(error)).toBe(true);
    expect(shown(error)).not.toContain(TOKEN);
    expect((error as InferenceHTTPError).serverMessage).toContain("hf_***");
  });

  it("an output error and its cause chain never show an echoed token", async () => {
    const response = await createClient({ endpoint: server.url, token: TOKEN }).post({ model: "echo-200", json: {} });
    const error = await failure(response.json());
    expect(InferenceOutputError.isInstance(error)).toBe(true);
    expect((error as Error).cause).toBeDefined();
    expect(shown(error)).not.toContain(TOKEN);
  });

  it("an error names the URL without its query's secrets", async () => {
    const error = await failure(
      createClient({ token: false, retry: false }).post({
        model: `${server.url}/models/fail?api_key=k-123456789&sig=s-987654321&page=2`,
        json: {},
      }),
    );
    expect(InferenceHTTPError.isInstance(error)).toBe(true);
    expect(shown(error)).not.toMatch(/k-123456789|s-987654321/);
    expect((error as InferenceHTTPError).url).toContain("page=2");
  });

  it("an input URL is downloaded without the token", async () => {
    await (
      await createClient({ endpoint: server.url, token: TOKEN }).post({ model: "ok", data: `${other.url}/image.png` })
    ).json();
    expect(other.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    expect(server.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
  });
});

describe("helpful failures", () => {
  const status = (options: { token?: string | false }) =>
    failure(
      createClient({ endpoint: server.url, retry: false, ...options }).post({ model: "forbidden", json: {} }),
    ) as Promise<Error>;

  it("a 401/403 says a token was sent from the option, without showing it", async () => {
    const error = await status({ token: TOKEN });
    expect(error.message).toMatch(/A token was sent \(from the `token` option\)/);
    expect(shown(error)).not.toContain(TOKEN);
  });

  it("… from $HF_TOKEN", async () => {
    process.env["HF_TOKEN"] = TOKEN;
    expect((await status({})).message).toMatch(/A token was sent \(from \$HF_TOKEN\)/);
  });

  it("… from the token file, naming it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "infer-token-")), "token");
    writeFileSync(path, `${TOKEN}\n`);
    process.env["HF_TOKEN_PATH"] = path;
    const error = await status({});
    expect(error.message).toContain(`A token was sent (from the token file ${path})`);
    expect(shown(error)).not.toContain(TOKEN);
  });

  it("… or that none was sent, and how to send one", async () => {
    expect((await status({})).message).toMatch(/No token was sent: pass `token`, set \$HF_TOKEN/);
    expect((await status({ token: false })).message).toMatch(/No token was sent \(`token: false`\)/);
  });

  it("a failed recommended-model look-up names the look-up, the task and the Hub", async () => {
    clearRecommendedModels();
    const hub = await startFaultServer();
    hub.on("tasks", faults.json({ error: "hub down" }, 500));
    try {
      const error = await failure(
        createClient({ endpoint: server.url, hubEndpoint: hub.url, token: false, retry: false }).post({
          task: "fill-mask",
          json: {},
        }),
      );
      expect(InferenceHTTPError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(`recommended model for the task "fill-mask" at the Hub ${hub.url}`);
      expect((error as InferenceHTTPError).status).toBe(500);
    } finally {
      clearRecommendedModels();
      await hub.close();
    }
  });
});
