import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { decodeImage } from "./media.js";
import { readArtifacts, serial, wasmTf } from "./tfjs.js";
import { mediaInput, RequestError, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

/** The largest input, in pixels, that the CPU upscales in a few seconds here (about 320×320). */
export const MAX_UPSCALE_PIXELS = 102_400;
const SCALE = 2;

/** The folder of @upscalerjs/esrgan-slim (its `exports` map has no `./package.json`, so from its main file). */
function esrganRoot(): string {
  return path.join(path.dirname(require.resolve("@upscalerjs/esrgan-slim")), "..", "..", "..", "..", "..");
}

/**
 * ESRGAN-slim ×2 super-resolution of UpscalerJS (@upscalerjs/esrgan-slim's `models/x2`, a Keras RDN
 * converted to a TensorFlow.js layers model), loaded with @tensorflow/tfjs-layers on tfjs-core's WebAssembly
 * backend (not the @tensorflow/tfjs bundle its package names as a peer). Pixels in and out are 0–255 RGB.
 */
export const upscale: Backend = {
  id: "infer/esrgan-slim-x2",
  task: "image-to-image",
  packageName: "@upscalerjs/esrgan-slim (weights) + @tensorflow/tfjs-layers, tfjs-core, tfjs-backend-wasm (runtime)",
  licence: "MIT (esrgan-slim), Apache-2.0 (TensorFlow.js)",
  description: `ESRGAN-slim ×2 (UpscalerJS's residual dense network, C1 D2 G4 G0 64, trained on DIV2K) from @upscalerjs/esrgan-slim's models/x2, run by TensorFlow.js layers on its WebAssembly CPU backend: answers the image at twice its width and height as PNG. Parameters such as a prompt are ignored; inputs over ${MAX_UPSCALE_PIXELS.toLocaleString("en")} pixels are a 400.`,
  framework: "tensorflow.js",
  estimatedLoadSeconds: 2,
  async load() {
    const tf = await wasmTf();
    const layers = require("@tensorflow/tfjs-layers") as {
      loadLayersModel(handler: unknown): Promise<{ predict(x: unknown): unknown; dispose(): void }>;
    };
    const model = await layers.loadLayersModel(
      tf.io.fromMemory(readArtifacts(path.join(esrganRoot(), "models", "x2", "model.json"))),
    );
    const t = tf as unknown as Record<
      string,
      (...args: unknown[]) => { shape: number[]; dispose(): void; data(): Promise<Int32Array> }
    >;
    const once = serial();
    const runner = async (body: Parameters<Awaited<ReturnType<Backend["load"]>>>[0]) => {
      const { data, width, height } = await decodeImage(mediaInput(body, "image"), 4096);
      if (width * height > MAX_UPSCALE_PIXELS)
        throw new RequestError(
          400,
          `the image is ${width}×${height} (${(width * height).toLocaleString("en")} pixels): this CPU upscaler takes at most ${MAX_UPSCALE_PIXELS.toLocaleString("en")} pixels (e.g. 320×320)`,
        );
      const pixels = await once(async () => {
        const output = tf.tidy(() =>
          t["cast"]!(
            t["round"]!(
              t["clipByValue"]!(
                model.predict(t["tensor4d"]!(Float32Array.from(data), [1, height, width, 3], "float32")),
                0,
                255,
              ),
            ),
            "int32",
          ),
        );
        try {
          return await output.data();
        } finally {
          output.dispose();
        }
      });
      const png = await sharp(Uint8Array.from(pixels), {
        raw: { width: width * SCALE, height: height * SCALE, channels: 3 },
      })
        .png()
        .toBuffer();
      return { kind: "bytes" as const, body: png, contentType: "image/png" };
    };
    return Object.assign(runner, { close: async () => model.dispose() });
  },
};
