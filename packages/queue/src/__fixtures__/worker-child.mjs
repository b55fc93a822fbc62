// A queue worker in its own process, so a test can SIGKILL it: node worker-child.mjs redisUrl queue endpoint concurrency
import { startWorker } from "../../dist/index.js";

const [redis, queue, endpoint, concurrency] = process.argv.slice(2);
const running = startWorker({
  redis,
  queue,
  endpoints: [endpoint],
  concurrency: Number(concurrency),
  clientOptions: { token: false },
  lockDuration: 4000,
  stalledInterval: 1000,
  overloadDelay: 200,
});
await running.worker.waitUntilReady();
process.stdout.write("ready\n");
process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
