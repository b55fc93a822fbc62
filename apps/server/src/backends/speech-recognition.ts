import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { decodeAudio, encodeWav, resample } from "./audio.js";
import { json, mediaInput, RequestError, type Backend } from "./types.js";

const run = promisify(execFile);

const PROGRAM = "pocketsphinx_continuous";
const MODEL = "/usr/share/pocketsphinx/model/en-us";
const INSTALL = "apt-get install pocketsphinx pocketsphinx-en-us";

/** Where the Debian program is, if it is installed. */
function findProgram(): string | undefined {
  for (const directory of (process.env["PATH"] ?? "").split(path.delimiter)) {
    const candidate = path.join(directory, PROGRAM);
    if (directory !== "" && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** CMU PocketSphinx from Debian (pocketsphinx + pocketsphinx-en-us): an HMM/GMM recogniser with a trigram LM. */
export const speechRecognition: Backend = {
  id: "infer/pocketsphinx-en-us",
  task: "automatic-speech-recognition",
  packageName: "Debian pocketsphinx + pocketsphinx-en-us (not npm)",
  licence: "BSD-2-Clause (pocketsphinx, CMU acoustic model and dictionary)",
  description:
    "CMU PocketSphinx 5prealpha from Debian, run as pocketsphinx_continuous with the en-us continuous HMM acoustic model, the en-us trigram language model and the CMU dictionary; audio decoded (WAV, FLAC) and resampled to 16 kHz mono first. Answers 501 when the Debian packages are not installed.",
  framework: "pocketsphinx",
  estimatedLoadSeconds: 1,
  async load() {
    const program = findProgram();
    if (program === undefined || !existsSync(path.join(MODEL, "en-us.lm.bin"))) {
      throw new RequestError(
        501,
        `automatic-speech-recognition needs Debian's PocketSphinx, which is not installed here: ${INSTALL}`,
      );
    }
    return async (body) => {
      const audio = await decodeAudio(mediaInput(body, "audio"));
      const directory = await mkdtemp(path.join(tmpdir(), "infer-asr-"));
      try {
        const file = path.join(directory, "input.wav");
        await writeFile(file, encodeWav(resample(audio, 16_000), 16_000));
        const { stdout } = await run(
          program,
          [
            "-infile",
            file,
            "-hmm",
            path.join(MODEL, "en-us"),
            "-lm",
            path.join(MODEL, "en-us.lm.bin"),
            "-dict",
            path.join(MODEL, "cmudict-en-us.dict"),
            "-logfn",
            "/dev/null",
          ],
          { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
        );
        return json({
          text: stdout
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean)
            .join(" "),
        });
      } catch (error) {
        if (error instanceof RequestError) throw error;
        throw new RequestError(500, `pocketsphinx failed: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    };
  },
};
