import { FLACDecoder } from "@wasm-audio-decoders/flac";
import wavefile from "wavefile";
import { RequestError } from "./types.js";

/** Mono samples (−1 to 1) at `sampleRate`, whatever the input's rate and channels. */
export interface Audio {
  samples: Float32Array;
  sampleRate: number;
}

/** Decodes WAV (wavefile) or FLAC (@wasm-audio-decoders/flac) to mono; 415 for anything else or broken bytes. */
export async function decodeAudio(bytes: Buffer): Promise<Audio> {
  const magic = bytes.toString("ascii", 0, 4);
  if (magic === "fLaC") return decodeFlac(bytes);
  if (magic === "RIFF") return decodeWav(bytes);
  throw new RequestError(415, "the body is not audio this server decodes: send WAV or FLAC");
}

async function decodeFlac(bytes: Buffer): Promise<Audio> {
  const decoder = new FLACDecoder();
  try {
    await decoder.ready;
    const decoded = await decoder.decodeFile(new Uint8Array(bytes));
    if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) throw new Error("no samples");
    return { samples: mix(decoded.channelData), sampleRate: decoded.sampleRate };
  } catch (error) {
    throw new RequestError(415, `the FLAC audio cannot be decoded: ${(error as Error).message}`);
  } finally {
    decoder.free();
  }
}

function decodeWav(bytes: Buffer): Audio {
  try {
    const wav = new wavefile.WaveFile(new Uint8Array(bytes));
    wav.toBitDepth("32f");
    const format = wav.fmt as { sampleRate: number; numChannels: number };
    const channels =
      format.numChannels === 1
        ? [wav.getSamples(false, Float64Array) as unknown as Float64Array]
        : (wav.getSamples(false, Float64Array) as unknown as Float64Array[]);
    if (channels[0] === undefined || channels[0].length === 0) throw new Error("no samples");
    return { samples: mix(channels), sampleRate: format.sampleRate };
  } catch (error) {
    if (error instanceof RequestError) throw error;
    throw new RequestError(415, `the WAV audio cannot be decoded: ${(error as Error).message}`);
  }
}

function mix(channels: readonly ArrayLike<number>[]): Float32Array {
  const length = channels[0]!.length;
  const mono = new Float32Array(length);
  for (const channel of channels)
    for (let index = 0; index < length; index++) mono[index]! += channel[index]! / channels.length;
  return mono;
}

/** Linear-interpolation resampling (enough for 16 kHz speech models). */
export function resample({ samples, sampleRate }: Audio, target: number): Float32Array {
  if (sampleRate === target) return samples;
  const length = Math.max(1, Math.round((samples.length * target) / sampleRate));
  const out = new Float32Array(length);
  const step = sampleRate / target;
  for (let index = 0; index < length; index++) {
    const position = index * step;
    const left = Math.floor(position);
    const right = Math.min(samples.length - 1, left + 1);
    const fraction = position - left;
    out[index] = samples[left]! * (1 - fraction) + samples[right]! * fraction;
  }
  return out;
}

/** 16-bit mono PCM WAV bytes of `samples`. */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const pcm = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++)
    pcm[index] = Math.max(-32768, Math.min(32767, Math.round(samples[index]! * 32767)));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, sampleRate, "16", pcm);
  return Buffer.from(wav.toBuffer());
}
