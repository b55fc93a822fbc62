import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { decodeImage } from "./media.js";
import { json, mediaInput, round, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

interface Artifacts {
  modelTopology: unknown;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
  format?: string | undefined;
  generatedBy?: string | undefined;
  convertedBy?: string | undefined;
  signature?: unknown;
  userDefinedMetadata?: unknown;
}

/** A tfjs load router for `file://` model URLs: @vladmandic/human's wasm build would `fetch()` them, which Node cannot. */
function fileRouter(url: unknown): { load(): Promise<Artifacts> } | null {
  if (typeof url !== "string" || !url.startsWith("file://")) return null;
  const file = url.slice("file://".length);
  return {
    async load() {
      const model = JSON.parse(readFileSync(file, "utf8")) as {
        weightsManifest: { paths: string[]; weights: unknown[] }[];
      } & Omit<Artifacts, "weightSpecs" | "weightData">;
      const weightSpecs = model.weightsManifest.flatMap((group) => group.weights);
      const weights = Buffer.concat(
        model.weightsManifest.flatMap((group) =>
          group.paths.map((part) => readFileSync(path.join(path.dirname(file), part))),
        ),
      );
      return {
        modelTopology: model.modelTopology,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        signature: model.signature,
        userDefinedMetadata: model.userDefinedMetadata,
        weightSpecs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
      };
    },
  };
}

interface Tensor {
  dispose(): void;
}

interface Human {
  tf: {
    io: { registerLoadRouter(router: typeof fileRouter): void };
    tensor4d(values: Int32Array, shape: number[], dtype: string): Tensor;
    getBackend(): string;
  };
  load(): Promise<void>;
  detect(input: Tensor): Promise<{ object: { label: string; score: number; box: [number, number, number, number] }[] }>;
}

/** The lowest score answered: a raw image carries no parameters, and 0.3 suits CenterNet's scores. */
const THRESHOLD = 0.3;

/** The package folder of @vladmandic/human (its `exports` map has no `./package.json`, so from its main file). */
export function humanRoot(): string {
  return path.join(path.dirname(require.resolve("@vladmandic/human")), "..");
}

/** CenterNet (COCO's 80 classes) of @vladmandic/human, on TensorFlow.js's WebAssembly backend. */
export const detection: Backend = {
  id: "infer/human-centernet",
  task: "object-detection",
  packageName: "@vladmandic/human (+ @tensorflow/tfjs-core, tfjs-converter, tfjs-backend-wasm)",
  licence: "MIT (human), Apache-2.0 (TensorFlow.js)",
  description:
    "CenterNet object detection (MobileNetV3 backbone, the 80 COCO classes) from the weights shipped in @vladmandic/human's models/ folder, run by TensorFlow.js on its WebAssembly CPU backend; images decoded by sharp.",
  framework: "tensorflow.js",
  estimatedLoadSeconds: 3,
  async load() {
    const root = humanRoot();
    const { Human } = require(path.join(root, "dist", "human.node-wasm.js")) as {
      Human: new (config: Record<string, unknown>) => Human;
    };
    const wasmPath =
      path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "wasm-out") + path.sep;
    const human = new Human({
      backend: "wasm",
      wasmPath,
      wasmPlatformFetch: false,
      modelBasePath: `file://${path.join(root, "models")}/`,
      debug: false,
      cacheModels: false,
      warmup: "none",
      filter: { enabled: false },
      face: { enabled: false },
      body: { enabled: false },
      hand: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
      object: {
        enabled: true,
        modelPath: "centernet.json",
        minConfidence: 0.1,
        maxDetected: 50,
        skipFrames: 0,
        skipTime: 0,
      },
    });
    human.tf.io.registerLoadRouter(fileRouter);
    await human.load();
    let queue: Promise<unknown> = Promise.resolve();
    return async (body) => {
      const { data, width, height } = await decodeImage(mediaInput(body, "image"), 4096);
      const run = async () => {
        const tensor = human.tf.tensor4d(Int32Array.from(data), [1, height, width, 3], "int32");
        try {
          return await human.detect(tensor);
        } finally {
          tensor.dispose();
        }
      };
      const result = queue.then(run);
      queue = result.catch(() => {});
      const { object } = await result;
      return json(
        object
          .filter((found) => found.score >= THRESHOLD)
          .map(({ label, score, box: [x, y, boxWidth, boxHeight] }) => ({
            label,
            score: round(score),
            box: {
              xmin: Math.round(x),
              ymin: Math.round(y),
              xmax: Math.round(x + boxWidth),
              ymax: Math.round(y + boxHeight),
            },
          })),
      );
    };
  },
};

/**
 * A photo with people in it, for demos and tests: the face-detection screenshot that @vladmandic/human
 * (MIT) ships in its `assets/` folder. Read from the installed package, not copied.
 */
export function samplePhotoPath(): string {
  return path.join(humanRoot(), "assets", "screenshot-facedetect.jpg");
}
