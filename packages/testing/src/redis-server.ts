import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether Debian's `redis-server` is installed. In CI (.ci/run installs it) its absence is a failure, not a skip. */
export function hasRedisServer(): boolean {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
  if (!found && process.env.CI)
    throw new Error(
      "redis-server is not installed, and CI is set: .ci/run must install it (apt-get install redis-server)",
    );
  return found;
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts a throwaway redis-server on a free loopback port (no persistence), and resolves once it answers: for the
 * queue tests (@infer/queue, `infer worker`) and the bulk benchmark.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const directory = mkdtempSync(join(tmpdir(), "infer-redis-"));
  for (let tries = 0; ; tries += 1) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        directory,
        "--protected-mode",
        "yes",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 20_000);
      const check = () => {
        if (/Ready to accept connections/i.test(output)) {
          clearTimeout(timer);
          resolve(true);
        } else setTimeout(check, 20);
      };
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(false);
      });
      check();
    });
    if (ready) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: () =>
          new Promise<void>((resolve) => {
            child.once("exit", () => {
              rmSync(directory, { recursive: true, force: true });
              resolve();
            });
            child.kill("SIGTERM");
          }),
      };
    }
    child.kill("SIGKILL");
    if (tries >= 3) throw new Error(`redis-server did not start: ${output}`);
  }
}
