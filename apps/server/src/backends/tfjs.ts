import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The part of TensorFlow.js's core the server's own models use (one engine, shared with @vladmandic/human). */
export interface TfTensor {
  readonly shape: number[];
  dispose(): void;
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
}
export type Tf = Record<string, (...args: never[]) => unknown> & {
  io: { fromMemory(artifacts: unknown): unknown };
  tidy<T>(fn: () => T): T;
  setBackend(name: string): Promise<boolean>;
  getBackend(): string;
  ready(): Promise<void>;
};

let ready: Promise<Tf> | undefined;

/**
 * TensorFlow.js core on its WebAssembly backend (@tensorflow/tfjs-backend-wasm, the .wasm read from
 * node_modules): the runtime of CenterNet, ESRGAN and the selfie segmenter.
 */
export function wasmTf(): Promise<Tf> {
  ready ??= (async () => {
    const tf = require("@tensorflow/tfjs-core") as Tf;
    const wasm = require("@tensorflow/tfjs-backend-wasm") as { setWasmPaths(prefix: string): void };
    wasm.setWasmPaths(`${wasmDirectory()}${path.sep}`);
    if (tf.getBackend() !== "wasm") await tf.setBackend("wasm");
    await tf.ready();
    return tf;
  })();
  return ready;
}

/** The folder of tfjs-backend-wasm's .wasm files. */
export function wasmDirectory(): string {
  return path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "wasm-out");
}

/** A tfjs model.json (graph or layers) and its weight shards, read from disk, as tfjs's in-memory artifacts. */
export function readArtifacts(file: string): Record<string, unknown> {
  const model = JSON.parse(readFileSync(file, "utf8")) as {
    weightsManifest: { paths: string[]; weights: unknown[] }[];
  } & Record<string, unknown>;
  const weights = Buffer.concat(
    model.weightsManifest.flatMap((group) =>
      group.paths.map((part) => readFileSync(path.join(path.dirname(file), part))),
    ),
  );
  const { weightsManifest, ...rest } = model;
  return {
    ...rest,
    weightSpecs: weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

/** Runs `task` after the previous one finished: one inference at a time on the single wasm engine. */
export function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = queue.then(task);
    queue = result.catch(() => {});
    return result;
  };
}
