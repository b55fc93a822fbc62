import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureBytes, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./__fixtures__/run-cli.js";

// `script` (util-linux, in every Debian) runs the CLI on a pseudo-terminal, as a person would.
const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let server: TestServer;
let directory: string;
const loading = new Set<string>();

beforeAll(async () => {
  // The first call of a model answers "loading" with an estimate, as the serverless API does; the next one answers.
  server = await startServer(async (request, response) => {
    if (!loading.has(request.url)) {
      loading.add(request.url);
      return sendJson(response, { error: "Model loading-model is currently loading", estimated_time: 1.5 }, 503);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    sendJson(response, [{ label: "cheetah", score: 0.99 }]);
  });
  directory = mkdtempSync(join(tmpdir(), "infer-cli-tty-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/** Runs `infer` on a pseudo-terminal; resolves to the exit code and what the terminal showed (escapes removed). */
function onTerminal(args: string[]): Promise<{ code: number | null; screen: string }> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && name !== "CI" && !name.startsWith("HF_")) environment[name] = value;
  Object.assign(environment, { TERM: "xterm", NO_COLOR: "1", HF_HUB_DISABLE_IMPLICIT_TOKEN: "1" });
  const command = [process.execPath, main, ...args].map(quote).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      resolve({
        code,
        screen: output
          // biome-ignore lint/suspicious/noControlCharactersInRegex: it strips the ANSI escapes a terminal program writes.
          .replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, "")
          .replace(/\r\n/g, "\n")
          .replace(/\r/g, "\n"),
      });
    });
  });
}

describe.skipIf(!hasScript)("@infer/cli on a terminal", () => {
  it("shows an upload bar for a large file, a spinner with the server's loading estimate, then the answer as pretty JSON", async () => {
    const big = join(directory, "big.png");
    writeFileSync(big, Buffer.concat([fixtureBytes("cheetah.png"), Buffer.alloc(2 * 1024 * 1024)]));
    const { code, screen } = await onTerminal([
      "image-classification",
      big,
      "--model",
      "loading-model",
      "--endpoint",
      server.url,
    ]);
    expect(code).toBe(0);
    expect(screen).toMatch(/uploading .* 100% · (\d+)\/\1 bytes/);
    expect(screen).toContain("the model is loading (the server estimates 1.5 s)");
    expect(screen).toContain('[\n  {\n    "label": "cheetah",\n    "score": 0.99\n  }\n]');
    // The bar and the spinner are cleared before the answer: nothing of them after it.
    expect(screen.slice(screen.indexOf("[\n  {")).trim()).toBe(
      '[\n  {\n    "label": "cheetah",\n    "score": 0.99\n  }\n]',
    );
  });

  it("refuses to dump a binary result on the terminal, before any request", async () => {
    const before = server.requests.length;
    const { code, screen } = await onTerminal([
      "text-to-image",
      "a cat",
      "--model",
      "never-called",
      "--endpoint",
      server.url,
    ]);
    expect(code).toBe(2);
    expect(screen).toContain("give -o FILE");
    expect(server.requests.length).toBe(before);
  });
});
