#!/usr/bin/env node
// Runs the stand-in server until interrupted: `node dist/main.js [port]` (default: a free port).
import { MODELS } from "./models.js";
import { startServer } from "./server.js";

const port = Number(process.argv[2] ?? process.env["PORT"] ?? 0);
const running = await startServer({ port, tokenDelay: 30 });
console.log(`@infer/server listening on ${running.url} (endpoint and hubEndpoint)`);
for (const [model, task] of Object.entries(MODELS)) console.log(`  ${model}  ${task}`);
const stop = () => void running.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
