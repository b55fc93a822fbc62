import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts the bin and resolves once its first stdout line has arrived. */
function serve(args: string[]): Promise<{
  child: ChildProcessWithoutNullStreams;
  firstLine: string;
  exit: Promise<number | null>;
  stderr: () => string;
}> {
  const child = spawn(process.execPath, [main, ...args]);
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf("\n");
      if (newline !== -1) resolve({ child, firstLine: stdout.slice(0, newline), exit, stderr: () => stderr });
    });
    child.on("exit", () => reject(new Error(`exited before listening: ${stderr}`)));
  });
}

describe("infer-server", () => {
  it("--help prints the usage and the models, and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: infer-server \[--port n\]/);
    expect(stdout).toContain("infer/tesseract-eng");
  });

  it("a bad flag or port is a one-line error", async () => {
    for (const args of [["--port", "abc"], ["--port", "70000"], ["--nope"]]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^infer-server: /);
    }
  });

  it("a busy port is a one-line error", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const { code, stderr } = await run(["--port", String(port)]);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `infer-server: port ${port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one)\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it("prints where it listens first, serves, and on SIGTERM finishes an in-flight stream before exiting", async () => {
    const { child, firstLine, exit, stderr } = await serve([
      "--port",
      "0",
      "--models",
      "text-generation",
      "--token-delay",
      "40",
    ]);
    expect(firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = firstLine.slice("listening on ".length);
    const response = await fetch(`${url}/generate_stream`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-wait-for-model": "true" },
      body: JSON.stringify({ inputs: "The Fox", parameters: { max_new_tokens: 25 } }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    child.kill("SIGTERM");
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    const events = text.split("\n\n").filter(Boolean);
    expect(events).toHaveLength(25);
    expect(events.at(-1)).toContain('"generated_tokens":25');
    expect(await exit).toBe(0);
    expect(stderr()).toContain("SIGTERM, finishing in-flight requests");
  });

  it("keeps its memory over 1,000 requests (RSS of the server process)", async () => {
    const { firstLine } = await serve(["--port", "0", "--models", "text-classification"]);
    const url = firstLine.slice("listening on ".length);
    const body = JSON.stringify({ inputs: "a fine and pleasant day", parameters: { padding: "x".repeat(50_000) } });
    const batch = async (count: number) => {
      for (let done = 0; done < count; done += 10) {
        const answers = await Promise.all(
          Array.from({ length: 10 }, () =>
            fetch(`${url}/models/infer/wink-sentiment`, {
              method: "POST",
              body,
              headers: { "content-type": "application/json", "x-wait-for-model": "true" },
            }),
          ),
        );
        for (const answer of answers)
          expect((await answer.json()) as unknown).toEqual([
            [expect.objectContaining({ label: "POSITIVE" }), expect.anything()],
          ]);
      }
    };
    const rss = async () => ((await (await fetch(`${url}/health`)).json()) as { rss_bytes: number }).rss_bytes;
    await batch(300);
    const grown: number[] = [];
    for (let round = 0; round < 2; round += 1) {
      const before = await rss();
      await batch(1000);
      grown.push(((await rss()) - before) / 1024 / 1024);
    }
    // Each body is 50 KB: keeping the bodies of 1,000 requests would add about 50 MB in every round. RSS is
    // noisy (the allocator, Node 24's GC), so the better of two rounds of 1,000 must stay under half of that.
    expect(Math.min(...grown)).toBeLessThan(25);
  }, 240_000);
});
