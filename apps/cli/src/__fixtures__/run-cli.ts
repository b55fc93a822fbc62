import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const main = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** stdout as text. */
  text: string;
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  done: Promise<CliResult>;
  /** Resolves once stdout contains `text`. */
  waitForStdout(text: string): Promise<void>;
  /** What stdout has printed so far. */
  output(): string;
}

/**
 * The built `infer` as a subprocess, as a user would run it from a pipe: stdin, stdout and stderr are pipes
 * (not terminals), the environment has no token and no endpoint of the developer's.
 */
export function start(args: string[], { stdin, cwd, env }: { stdin?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith("HF_") && !name.startsWith("HUGGING_FACE") && name !== "FORCE_COLOR") environment[name] = value;
  }
  Object.assign(environment, { HF_HUB_DISABLE_IMPLICIT_TOKEN: "1", NO_COLOR: "1" }, env);
  const child = spawn(process.execPath, [main, ...args], { cwd, env: environment, stdio: ["pipe", "pipe", "pipe"] });
  const stdout: Buffer[] = [];
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout.push(chunk);
    const text = Buffer.concat(stdout).toString("utf8");
    for (const waiter of waiters.splice(0)) {
      if (text.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin!.on("error", () => {});
  if (stdin !== undefined) child.stdin!.end(stdin);
  else child.stdin!.end();
  // A child that outlives its test (vitest gives up at 120 s) is killed rather than left running.
  const guard = setTimeout(() => child.kill("SIGKILL"), 118_000);
  guard.unref();
  const done = new Promise<CliResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      const bytes = Buffer.concat(stdout);
      resolve({ code, signal, stdout: bytes, stderr, text: bytes.toString("utf8") });
    });
  });
  return {
    child,
    done,
    output: () => Buffer.concat(stdout).toString("utf8"),
    waitForStdout: (text) =>
      new Promise((resolve) => {
        if (Buffer.concat(stdout).toString("utf8").includes(text)) resolve();
        else waiters.push({ text, resolve });
      }),
  };
}

/** Runs `infer` to its end. */
export function infer(args: string[], options?: Parameters<typeof start>[1]): Promise<CliResult> {
  return start(args, options).done;
}
