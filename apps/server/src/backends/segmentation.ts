import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { humanRoot } from "./detection.js";
import { decodeImage } from "./media.js";
import { loadTflite } from "./tflite.js";
import { serial, wasmTf } from "./tfjs.js";
import { json, mediaInput, round, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

/** The folder of @mediapipe/selfie_segmentation (its main file sits at the package root). */
export function selfieRoot(): string {
  return path.dirname(require.resolve("@mediapipe/selfie_segmentation"));
}

/**
 * MediaPipe Selfie Segmentation (the general 256×256 model, `selfie_segmentation.tflite` from the npm package
 * @mediapipe/selfie_segmentation), run by this package's TFLite interpreter on TensorFlow.js's wasm backend.
 * One segment, `person`: its mask is the model's per-pixel probability thresholded at 0.5, scaled back to
 * the image's size; its score is the mean probability over the mask's pixels.
 */
export const segmentation: Backend = {
  id: "infer/mediapipe-selfie-segmentation",
  task: "image-segmentation",
  packageName: "@mediapipe/selfie_segmentation (weights) + @tensorflow/tfjs-core, tfjs-backend-wasm (runtime)",
  licence: "Apache-2.0 (MediaPipe model and TensorFlow.js)",
  description:
    "MediaPipe Selfie Segmentation (MobileNetV3-style encoder-decoder, 256×256 input, float16 weights) read from the .tflite file in @mediapipe/selfie_segmentation and run by a small TFLite interpreter in this package on TensorFlow.js's WebAssembly backend; answers one `person` segment with a binary PNG mask.",
  framework: "tflite (on tensorflow.js wasm)",
  estimatedLoadSeconds: 2,
  async load() {
    const tf = await wasmTf();
    const model = loadTflite(tf, readFileSync(path.join(selfieRoot(), "selfie_segmentation.tflite")));
    const [, size = 256] = model.inputShape;
    const t = tf as unknown as Record<
      string,
      (...args: unknown[]) => { dispose(): void; data(): Promise<Float32Array> }
    >;
    const once = serial();
    const runner = async (body: Parameters<Awaited<ReturnType<Backend["load"]>>>[0]) => {
      const original = await decodeImage(mediaInput(body, "image"), 4096);
      const { data } = await sharp(original.data, {
        raw: { width: original.width, height: original.height, channels: 3 },
      })
        .resize(size, size, { fit: "fill" })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const probabilities = await once(async () => {
        const input = t["tensor4d"]!(
          Float32Array.from(data, (value) => value / 255),
          [1, size, size, 3],
          "float32",
        );
        try {
          const output = model.run(input as never);
          try {
            return (await output.data()) as Float32Array;
          } finally {
            output.dispose();
          }
        } finally {
          input.dispose();
        }
      });
      const pixels = Buffer.alloc(size * size);
      let sum = 0;
      let count = 0;
      probabilities.forEach((p, index) => {
        if (p >= 0.5) {
          pixels[index] = 255;
          sum += p;
          count++;
        }
      });
      if (count === 0) return json([]);
      const mask = await sharp(pixels, { raw: { width: size, height: size, channels: 1 } })
        .resize(original.width, original.height, { fit: "fill" })
        .threshold(128)
        .png()
        .toBuffer();
      return json([{ label: "person", score: round(sum / count), mask: mask.toString("base64") }]);
    };
    return Object.assign(runner, { close: async () => model.dispose() });
  },
};

/**
 * A portrait for demos and tests: one woman, head and shoulders, cropped (152×156) from the `samples.jpg`
 * collage that @vladmandic/human (MIT) ships in its `assets/` folder. Read from the installed package.
 */
export async function samplePortrait(): Promise<Buffer> {
  return sharp(path.join(humanRoot(), "assets", "samples.jpg"))
    .extract({ left: 164, top: 0, width: 152, height: 156 })
    .png()
    .toBuffer();
}
