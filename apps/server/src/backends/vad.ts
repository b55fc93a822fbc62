import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { decodeAudio, resample } from "./audio.js";
import { serial } from "./tfjs.js";
import { json, mediaInput, round, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

const RATE = 16_000;
const FRAME = 512;
const CONTEXT = 64;
/** Frames averaged before the maximum is taken: 8 × 32 ms ≈ a quarter of a second, so one click is no speech. */
const WINDOW = 8;
/** The longest audio classified, in seconds (longer input: its first minute). */
export const MAX_VAD_SECONDS = 60;

interface OrtTensor {
  data: Float32Array;
}
interface Ort {
  env: { wasm: { numThreads: number; wasmPaths: string } };
  Tensor: new (type: string, data: unknown, dims?: number[]) => OrtTensor;
  InferenceSession: {
    create(model: Uint8Array): Promise<{
      run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
      release(): Promise<void>;
    }>;
  };
}

/**
 * Silero VAD v5 (the .onnx that @ricky0123/vad-web ships) on onnxruntime-web's WebAssembly build in Node.
 * Audio is decoded, mixed to mono and resampled to 16 kHz; the model gives a speech probability for each
 * 32 ms frame (with its recurrent state and 64 samples of context, as silero-vad's own wrapper does); the
 * clip's `speech` score is the highest average over a quarter second, `no_speech` is one minus that.
 */
export const voiceActivity: Backend = {
  id: "infer/silero-vad",
  task: "audio-classification",
  packageName: "@ricky0123/vad-web (silero_vad_v5.onnx) + onnxruntime-web (runtime, WebAssembly)",
  licence: "MIT (Silero VAD model, onnxruntime-web), ISC (vad-web)",
  description:
    "Silero VAD v5, a small recurrent voice-activity detector (ONNX, 2.3 MB, shipped in @ricky0123/vad-web), run by onnxruntime-web's WebAssembly CPU build in Node; labels a clip `speech` / `no_speech` with the model's probability (highest quarter-second average of its 32 ms frame probabilities).",
  framework: "onnxruntime",
  estimatedLoadSeconds: 5,
  async load() {
    const ort = require("onnxruntime-web") as Ort;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = `${path.dirname(require.resolve("onnxruntime-web"))}${path.sep}`;
    const model = path.join(path.dirname(require.resolve("@ricky0123/vad-web")), "silero_vad_v5.onnx");
    const session = await ort.InferenceSession.create(readFileSync(model));
    const rate = new ort.Tensor("int64", [BigInt(RATE)]);
    const once = serial();
    const runner = async (body: Parameters<Awaited<ReturnType<Backend["load"]>>>[0]) => {
      const audio = await decodeAudio(mediaInput(body, "audio"));
      const samples = resample(audio, RATE).subarray(0, MAX_VAD_SECONDS * RATE);
      const probabilities = await once(async () => {
        let state = new ort.Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]);
        const out: number[] = [];
        for (let start = 0; start < samples.length; start += FRAME) {
          const input = new Float32Array(CONTEXT + FRAME);
          input.set(samples.subarray(Math.max(0, start - CONTEXT), start), CONTEXT - Math.min(CONTEXT, start));
          input.set(samples.subarray(start, start + FRAME), CONTEXT);
          const result = await session.run({
            input: new ort.Tensor("float32", input, [1, CONTEXT + FRAME]),
            state,
            sr: rate,
          });
          state = result["stateN"]!;
          out.push(result["output"]!.data[0]!);
        }
        return out;
      });
      let speech = 0;
      const width = Math.min(WINDOW, probabilities.length);
      for (let start = 0; start + width <= probabilities.length; start++) {
        let sum = 0;
        for (let k = start; k < start + width; k++) sum += probabilities[k]!;
        speech = Math.max(speech, sum / width);
      }
      const answer = [
        { label: "speech", score: round(speech) },
        { label: "no_speech", score: round(1 - speech) },
      ];
      return json(answer.sort((a, b) => b.score - a.score));
    };
    return Object.assign(runner, { close: () => session.release() });
  },
};
