#!/usr/bin/env node
// infer-server: the local inference server, until SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { allBackends } from "./backends/index.js";
import { startServer } from "./server.js";

const HELP = `Usage: infer-server [--port n] [--host 127.0.0.1] [--models a,b] [--body-limit bytes] [--token-delay ms]

The @infer local inference server: real models on the CPU, offline, speaking the Hugging Face
Inference API's wire protocol. Use its URL as both the client's endpoint and hubEndpoint.

Options:
  --port n            port to listen on; 0 picks a free one (default: 0)
  --host address      address to listen on (default: 127.0.0.1; the server has no authentication)
  --models a,b        serve only these models, by id or by task (default: all)
  --body-limit bytes  the largest request body; bigger ones answer 413 (default: 20971520)
  --token-delay ms    pause between streamed tokens (default: 0)
  --load-wait ms      how long a request waits for a cold model before a 503 "loading" (default: 1000)
  -h, --help          this help

Models:
${allBackends(0)
  .map((backend) => `  ${backend.id.padEnd(36)} ${backend.task.padEnd(24)} ${backend.packageName}`)
  .join("\n")}
`;

function fail(message: string): never {
  process.stderr.write(`infer-server: ${message}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    fail(`--${name} must be an integer from 0 to ${max}, not "${value}"`);
  return Number(value);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      models: { type: "string" },
      "body-limit": { type: "string" },
      "token-delay": { type: "string" },
      "load-wait": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${(error as Error).message} (see --help)`);
}
if (values["help"]) {
  process.stdout.write(HELP);
  process.exit(0);
}
const port = integer("port", values["port"] as string | undefined, 0, 65535);
const host = (values["host"] as string | undefined) ?? "127.0.0.1";
const models =
  typeof values["models"] === "string"
    ? values["models"]
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
    : undefined;

let running;
try {
  running = await startServer({
    port,
    host,
    ...(models ? { models } : {}),
    bodyLimit: integer("body-limit", values["body-limit"] as string | undefined, 20 * 1024 * 1024),
    tokenDelay: integer("token-delay", values["token-delay"] as string | undefined, 0),
    loadWait: integer("load-wait", values["load-wait"] as string | undefined, 1000),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE")
    fail(`port ${port} on ${host} is already in use; pick another with --port (0 picks a free one)`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") fail(`cannot listen on ${host}: no such local address`);
  if (code === "EACCES") fail(`not allowed to listen on ${host}:${port}`);
  fail((error as Error).message);
}
process.stdout.write(`listening on ${running.url}\n`);
for (const backend of running.models)
  process.stdout.write(`  ${backend.id}  ${backend.task}  (${backend.packageName})\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write(`infer-server: ${signal}, finishing in-flight requests, then exiting\n`);
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
