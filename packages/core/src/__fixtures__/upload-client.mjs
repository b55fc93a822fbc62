// The client side of the upload test, in a fresh process of its own so that its RSS is the client's alone:
// `node upload-client.mjs <endpoint> <path>` uploads the file and prints {answer, idle, peak} as JSON.
import { createClient } from "../../dist/index.js";

const [endpoint, path] = process.argv.slice(2);
const client = createClient({ endpoint, token: false });
// Idle means ready: undici loaded (it is imported on the first request) and a connection made.
await (await client.post({ model: "m", data: new Uint8Array(1024) })).json();
const idle = process.memoryUsage.rss();
let peak = idle;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5);
const answer = await (await client.post({ model: "m", data: path })).json();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
process.stdout.write(JSON.stringify({ answer, idle, peak }));
