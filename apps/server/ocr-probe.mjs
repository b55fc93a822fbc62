import { createWorker } from "tesseract.js";
import { createRequire } from "node:module";
import path from "node:path";
const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
let t = performance.now();
const worker = await createWorker("eng", 1, { langPath, cacheMethod: "none", gzip: true, logger: () => {} });
console.log("init", performance.now() - t);
for (let i = 0; i < 2; i++) {
  t = performance.now();
  const { data } = await worker.recognize("/work/shared/fixtures/invoice.png");
  console.log(data.text.slice(0, 200), performance.now() - t);
}
await worker.terminate();
