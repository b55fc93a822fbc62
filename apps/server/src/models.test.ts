import { InferenceClient } from "@infer/inference";
import { fixtureBytes } from "@infer/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAudio, encodeWav } from "./backends/audio.js";
import { samplePhotoPath, samplePortrait, startServer, type RunningServer } from "./index.js";

// Segmentation, super-resolution and voice activity: their own server, so only these three models load.
let server: RunningServer;
let client: InferenceClient;

beforeAll(async () => {
  server = await startServer({
    models: ["image-segmentation", "image-to-image", "audio-classification"],
    loadWait: 60_000,
  });
  client = new InferenceClient({ endpoint: server.url, hubEndpoint: server.url, token: false, timeout: 120_000 });
});

afterAll(async () => {
  await server?.close();
});

async function post(path: string, body: string | Uint8Array, type: string) {
  const response = await fetch(`${server.url}${path}`, { method: "POST", body, headers: { "content-type": type } });
  return { status: response.status, body: (await response.json()) as { error: string } };
}

/** Low room noise (about −60 dBFS, seeded) as a 16 kHz WAV: audio with no speech in it. */
function quietNoise(seconds: number): Buffer {
  const samples = new Float32Array(seconds * 16_000);
  let seed = 7;
  for (let index = 0; index < samples.length; index++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    samples[index] = (seed / 2_147_483_648 - 0.5) * 0.002;
  }
  return encodeWav(samples, 16_000);
}

describe("image-segmentation (MediaPipe selfie segmenter)", () => {
  it("masks the person in a portrait: her face and body, not the background above her shoulder", async () => {
    const portrait = await samplePortrait();
    const segments = await client.imageSegmentation(portrait);
    expect(segments.map((segment) => segment.label)).toEqual(["person"]);
    const [person] = segments;
    expect(person!.score).toBeGreaterThan(0.5);
    const { data, info } = await sharp(Buffer.from(await (person!.mask as Blob).arrayBuffer()))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([152, 156]);
    const at = (x: number, y: number) => data[Math.round(y * info.height) * info.width + Math.round(x * info.width)];
    expect(at(0.45, 0.35)).toBe(255); // her face
    expect(at(0.5, 0.8)).toBe(255); // her dress
    expect(at(0.9, 0.25)).toBe(0); // the wall behind her
    expect(at(0.05, 0.05)).toBe(0);
    const covered = data.filter((value) => value === 255).length / data.length;
    expect(covered).toBeGreaterThan(0.25);
    expect(covered).toBeLessThan(0.8);
  });
});

describe("image-to-image (ESRGAN-slim ×2)", () => {
  it("answers a PNG at twice the width and height that looks like the input", async () => {
    const input = await sharp(samplePhotoPath()).resize(160, 120, { fit: "fill" }).png().toBuffer();
    const output = await client.imageToImage(input);
    expect(output.type).toBe("image/png");
    const bytes = Buffer.from(await output.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([320, 240]);
    // Shrunk back, the upscaled image matches the input closely (a model that answered noise would not).
    const back = await sharp(bytes).resize(160, 120, { fit: "fill" }).removeAlpha().raw().toBuffer();
    const original = await sharp(input).removeAlpha().raw().toBuffer();
    let difference = 0;
    for (let index = 0; index < original.length; index++) difference += Math.abs(back[index]! - original[index]!);
    expect(difference / original.length).toBeLessThan(12);
  });

  it("refuses an image larger than the CPU limit with a 400 naming its size", async () => {
    const big = await sharp({ create: { width: 400, height: 400, channels: 3, background: "gray" } })
      .png()
      .toBuffer();
    const answer = await post("/models/infer/esrgan-slim-x2", big, "image/png");
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/400×400/);
  });
});

describe("audio-classification (Silero VAD)", () => {
  it("scores speech high for a recording of speech and low for quiet noise", async () => {
    // The first 4 s of the speech fixture (the whole 13.7 s clip takes long on a loaded machine).
    const recording = await decodeAudio(Buffer.from(fixtureBytes("sample1.flac")));
    const clip = encodeWav(recording.samples.subarray(0, 4 * recording.sampleRate), recording.sampleRate);
    const speech = await client.audioClassification(clip);
    const quiet = await client.audioClassification(quietNoise(2));
    const score = (answer: typeof speech, label: string) => answer.find((item) => item.label === label)!.score;
    expect(speech[0]!.label).toBe("speech");
    expect(score(speech, "speech")).toBeGreaterThan(0.8);
    expect(quiet[0]!.label).toBe("no_speech");
    expect(score(quiet, "speech")).toBeLessThan(0.3);
    expect(score(speech, "speech") + score(speech, "no_speech")).toBeCloseTo(1, 3);
  });
});

describe("bad media", () => {
  it.each([
    ["segmentation", "/models/infer/mediapipe-selfie-segmentation", "not an image", "image/png", 415, /not an image/],
    ["super-resolution", "/models/infer/esrgan-slim-x2", "GIF89a broken", "image/gif", 415, /not an image/],
    ["voice activity, not audio", "/models/infer/silero-vad", "ID3 not audio", "audio/mpeg", 415, /WAV or FLAC/],
    ["voice activity, a broken WAV", "/models/infer/silero-vad", "RIFF broken", "audio/wav", 415, /WAV audio cannot/],
    ["voice activity, an empty body", "/models/infer/silero-vad", "", "audio/wav", 400, /empty/],
  ])("%s: %s", async (_name, path, body, type, status, message) => {
    const answer = await post(path, body, type);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatch(message);
  });
});

describe("loading", () => {
  it("answers 503 with estimated_time while the upscaler loads, then the client's wait gets the image", async () => {
    const cold = await startServer({ models: ["infer/esrgan-slim-x2"], loadWait: 0 });
    try {
      const input = await sharp({ create: { width: 8, height: 6, channels: 3, background: "red" } })
        .png()
        .toBuffer();
      const first = await fetch(`${cold.url}/models/infer/esrgan-slim-x2`, {
        method: "POST",
        body: input,
        headers: { "content-type": "image/png" },
      });
      expect(first.status).toBe(503);
      expect(((await first.json()) as { estimated_time: number }).estimated_time).toBeGreaterThan(0);
      const coldClient = new InferenceClient({
        endpoint: cold.url,
        hubEndpoint: cold.url,
        token: false,
        timeout: 120_000,
      });
      const output = await coldClient.imageToImage(input, { model: "infer/esrgan-slim-x2" });
      expect((await sharp(Buffer.from(await output.arrayBuffer())).metadata()).width).toBe(16);
      const model = (await (await fetch(`${cold.url}/api/models/infer/esrgan-slim-x2`)).json()) as Record<
        string,
        unknown
      >;
      expect(model["pipeline_tag"]).toBe("image-to-image");
      expect(JSON.stringify(model["backend"])).toMatch(/esrgan-slim/);
    } finally {
      await cold.close();
    }
  });
});
