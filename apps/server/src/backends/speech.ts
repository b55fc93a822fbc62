import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { jsonObject, RequestError, type Backend } from "./types.js";

const require = createRequire(import.meta.url);

type ESpeakFactory = (options: Record<string, unknown>) => Promise<{ FS: { readFile(path: string): Uint8Array } }>;

const MAX_CHARACTERS = 5_000;

/** eSpeak NG, compiled to WebAssembly (npm `espeak-ng`): formant synthesis, US English voice, 22.05 kHz WAV. */
export const speech: Backend = {
  id: "infer/espeak-ng-en-us",
  task: "text-to-speech",
  packageName: "espeak-ng",
  licence: "GPL-3.0-or-later",
  description:
    "eSpeak NG 1.51 compiled to WebAssembly (npm espeak-ng), the en-us voice: rule-based formant synthesis, answered as a 16-bit mono 22,050 Hz WAV.",
  framework: "espeak-ng",
  estimatedLoadSeconds: 2,
  async load() {
    const entry = require.resolve("espeak-ng");
    const wasmBinary = await readFile(entry.replace(/\.js$/, ".wasm"));
    const specifier = "espeak-ng"; // no type declarations ship with it
    const { default: ESpeakNg } = (await import(specifier)) as { default: ESpeakFactory };
    const speak = async (text: string) => {
      // A fresh instance per call (the program runs its main() once); compiling is skipped thanks to wasmBinary.
      const espeak = await ESpeakNg({
        wasmBinary,
        arguments: ["-v", "en-us", "-w", "/out.wav", "--", text],
        print: () => {},
        printErr: () => {},
      });
      return Buffer.from(espeak.FS.readFile("/out.wav"));
    };
    await speak("ready");
    return async (body) => {
      const inputs = jsonObject(body)["inputs"];
      if (typeof inputs !== "string" || inputs.trim() === "")
        throw new RequestError(400, "`inputs` must be a non-empty string: the text to speak");
      if (inputs.length > MAX_CHARACTERS)
        throw new RequestError(
          400,
          `\`inputs\` is ${inputs.length} characters; this server speaks at most ${MAX_CHARACTERS}`,
        );
      return { kind: "bytes", body: await speak(inputs), contentType: "audio/wav" };
    };
  },
};
