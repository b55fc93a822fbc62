import { fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A loopback server running in its own process, so it never shares a core's time with the client measured. */
export interface ServerProcess {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** The server's CPU time (user + system, microseconds) and request count so far. */
  usage(): Promise<ServerUsage>;
  close(): Promise<void>;
}

export interface ServerUsage {
  cpuMicroseconds: number;
  requests: number;
  bytesReceived: number;
}

export type ServerKind = "classification" | "streaming" | "upload";

const serveScript = fileURLToPath(new URL("./servers/serve.js", import.meta.url));

/** Forks `servers/serve.js` for one kind of server and waits until it listens on 127.0.0.1. */
export async function startServerProcess(kind: ServerKind): Promise<ServerProcess> {
  const child = fork(serveScript, [kind], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the ${kind} server exited with ${code} before listening`)));
    child.once("message", (message) => resolve((message as { url: string }).url));
  });
  return {
    url,
    usage: () =>
      new Promise<ServerUsage>((resolve) => {
        child.once("message", (message) => resolve(message as ServerUsage));
        child.send("usage");
      }),
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface RunnerOptions {
  /** Extra flags for node, e.g. `--cpu-prof`. */
  nodeFlags?: readonly string[];
  /** Kill the runner after this many milliseconds. @default 300000 */
  timeout?: number;
  /** Names the runner's CPU profile (`{runner}-{label}-{n}.cpuprofile`) when `nodeFlags` has `--cpu-prof`. */
  label?: string;
}

let profiles = 0;

/**
 * Runs `runners/{name}.js` in a fresh node process with one JSON argument and resolves to the JSON object
 * it prints as its last line of output.
 */
export function runRunner<Result>(name: string, argument: unknown, options: RunnerOptions = {}): Promise<Result> {
  const script = fileURLToPath(new URL(`./runners/${name}.js`, import.meta.url));
  const flags = [...(options.nodeFlags ?? [])];
  if (flags.includes("--cpu-prof"))
    flags.push(`--cpu-prof-name=${name}-${options.label ?? "run"}-${++profiles}.cpuprofile`);
  const child = spawn(process.execPath, [...flags, script, JSON.stringify(argument)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 300_000);
  return new Promise<Result>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code !== 0) {
        reject(new Error(`runner ${name} exited with ${code ?? signal}: ${output.slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as Result);
      } catch (error) {
        reject(new Error(`runner ${name} printed no JSON result: ${output.slice(-2000)}`, { cause: error }));
      }
    });
  });
}

/** Runs a node script in a fresh process and resolves to its wall-clock time and its last line of output. */
export function timeProcess(
  script: string,
  argumentsList: readonly string[],
): Promise<{ wallMilliseconds: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...argumentsList], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      const wallMilliseconds = performance.now() - started;
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${output.slice(-2000)}`));
      else resolve({ wallMilliseconds, output: output.trim().split("\n").at(-1) ?? "" });
    });
  });
}
