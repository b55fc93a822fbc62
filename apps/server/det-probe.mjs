import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
const require = createRequire(import.meta.url);
const root = path.join(path.dirname(require.resolve("@vladmandic/human")), "..");
const H = require(root + "/dist/human.node-wasm.js");
const tf = require("@tensorflow/tfjs-core");

const wasmDir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")) + "/wasm-out/";
import fs from "node:fs";
const tfc = H.Human ? null : null;
function fileRouter(url) {
  if (typeof url !== "string" || !url.startsWith("file://")) return null;
  const file = url.slice(7);
  return { load: async () => {
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    const specs = []; const bufs = [];
    for (const group of json.weightsManifest) { specs.push(...group.weights); for (const p of group.paths) bufs.push(fs.readFileSync(path.join(path.dirname(file), p))); }
    const all = Buffer.concat(bufs);
    return { modelTopology: json.modelTopology, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature, userDefinedMetadata: json.userDefinedMetadata, weightSpecs: specs, weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) };
  } };
}
const human = new H.Human({ backend: "wasm", wasmPath: wasmDir, modelBasePath: "file://" + root + "/models/", debug: false,
  face: { enabled: false }, body: { enabled: false }, hand: { enabled: false }, gesture: { enabled: false },
  object: { enabled: true, modelPath: "centernet.json", minConfidence: 0.2, maxDetected: 20 }, segmentation: { enabled: false } });
human.tf.io.registerLoadRouter(fileRouter);
let t = performance.now();
await human.load(); await human.warmup?.();
console.log("load", performance.now() - t, human.tf.getBackend());
for (const f of [process.argv[2], "/work/shared/fixtures/cheetah.png"]) {
  const { data, info } = await sharp(f).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const tensor = human.tf.tensor4d(new Int32Array(new Uint8Array(data)), [1, info.height, info.width, 3], "int32");
  t = performance.now();
  const r = await human.detect(tensor);
  tensor.dispose();
  console.log(f, performance.now() - t, r.object.map(o => [o.label, o.score, o.box]));
}
