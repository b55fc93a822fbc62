import { createRequire } from "node:module";
import path from "node:path";
import { toPng } from "./media.js";
import { json, mediaInput, type Backend, type RequestBody } from "./types.js";

const require = createRequire(import.meta.url);

interface Worker {
  recognize(image: Buffer): Promise<{ data: { text: string } }>;
  terminate(): Promise<unknown>;
}

/** Tesseract 5 (tesseract.js, WebAssembly) with the English LSTM data of @tesseract.js-data/eng, read from disk. */
export const ocr: Backend = {
  id: "infer/tesseract-eng",
  task: "image-to-text",
  packageName: "tesseract.js + @tesseract.js-data/eng",
  licence: "Apache-2.0 (tesseract.js), MIT packaging of Apache-2.0 tessdata (@tesseract.js-data/eng)",
  description:
    "Tesseract 5 OCR compiled to WebAssembly (tesseract.js, its worker and core from node_modules) with the English 'best_int' LSTM model from @tesseract.js-data/eng (langPath on disk): image-to-text as the page's text.",
  framework: "tesseract",
  estimatedLoadSeconds: 5,
  async load() {
    const { createWorker } = require("tesseract.js") as {
      createWorker(lang: string, oem: number, options: Record<string, unknown>): Promise<Worker>;
    };
    const langPath = path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
    const worker = await createWorker("eng", 1, {
      langPath,
      cacheMethod: "none",
      gzip: true,
      logger: () => {},
      errorHandler: () => {},
    });
    let queue: Promise<unknown> = Promise.resolve();
    const runner = async (body: RequestBody) => {
      const png = await toPng(mediaInput(body, "image"));
      // One worker, one page at a time.
      const result = queue.then(() => worker.recognize(png));
      queue = result.catch(() => {});
      const { data } = await result;
      return json([{ generated_text: data.text.trim() }]);
    };
    return Object.assign(runner, { close: () => worker.terminate() });
  },
};
