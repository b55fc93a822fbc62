// A batch run in its own process, so a test can SIGKILL it: node batch-child.mjs input output endpoint concurrency
import { runBatch } from "../../dist/index.js";

const [input, output, endpoint, concurrency] = process.argv.slice(2);
const summary = await runBatch({
  task: "text-classification",
  input,
  output,
  model: "m",
  endpoints: [endpoint],
  concurrency: Number(concurrency),
  clientOptions: { token: false },
  checkpointInterval: 100,
});
process.stdout.write(`${JSON.stringify(summary)}\n`);
