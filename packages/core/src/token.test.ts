import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "./index.js";

const NAMES = [
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HF_TOKEN_PATH",
  "HF_HOME",
  "XDG_CACHE_HOME",
  "HF_HUB_DISABLE_IMPLICIT_TOKEN",
];
let saved: Record<string, string | undefined>;
let server: TestServer;
let home: string;

beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, {}));
});
afterAll(() => server.close());
beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  for (const name of NAMES) delete process.env[name];
  home = mkdtempSync(join(tmpdir(), "infer-token-"));
  // Point every default location at an empty folder, so the machine's own token never leaks in.
  process.env["XDG_CACHE_HOME"] = join(home, "cache");
});
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function sentAuthorization(options: { token?: string | false } = {}): Promise<string | undefined> {
  await createClient({ endpoint: server.url, ...options }).post({ model: "m", json: {} });
  return server.requests.at(-1)!.headers["authorization"] as string | undefined;
}

function tokenFile(path: string, content: string): string {
  writeFileSync(path, content);
  return path;
}

describe("implicit token look-up", () => {
  it("sends none when nothing is set", async () => {
    expect(await sentAuthorization()).toBeUndefined();
  });

  it("takes $HF_TOKEN first, then $HUGGING_FACE_HUB_TOKEN", async () => {
    process.env["HUGGING_FACE_HUB_TOKEN"] = "hf_second";
    expect(await sentAuthorization()).toBe("Bearer hf_second");
    process.env["HF_TOKEN"] = "hf_first";
    expect(await sentAuthorization()).toBe("Bearer hf_first");
  });

  it("reads $HF_TOKEN_PATH, stripped, before $HF_HOME/token", async () => {
    process.env["HF_HOME"] = home;
    tokenFile(join(home, "token"), "hf_home\n");
    expect(await sentAuthorization()).toBe("Bearer hf_home");
    process.env["HF_TOKEN_PATH"] = tokenFile(join(home, "explicit"), "  hf_path \n");
    expect(await sentAuthorization()).toBe("Bearer hf_path");
  });

  it("reads $XDG_CACHE_HOME/huggingface/token", async () => {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(home, "cache", "huggingface"), { recursive: true });
    tokenFile(join(home, "cache", "huggingface", "token"), "hf_xdg");
    expect(await sentAuthorization()).toBe("Bearer hf_xdg");
  });

  it("treats an empty token as none", async () => {
    process.env["HF_TOKEN"] = "  ";
    process.env["HF_TOKEN_PATH"] = tokenFile(join(home, "empty"), "\n");
    expect(await sentAuthorization()).toBeUndefined();
  });

  it("is turned off by $HF_HUB_DISABLE_IMPLICIT_TOKEN", async () => {
    process.env["HF_TOKEN"] = "hf_env";
    process.env["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = "true";
    expect(await sentAuthorization()).toBeUndefined();
    expect(await sentAuthorization({ token: "hf_explicit" })).toBe("Bearer hf_explicit");
  });

  it("is skipped by token: false and overridden by a token string", async () => {
    process.env["HF_TOKEN"] = "hf_env";
    expect(await sentAuthorization({ token: false })).toBeUndefined();
    expect(await sentAuthorization({ token: "hf_given" })).toBe("Bearer hf_given");
  });
});
