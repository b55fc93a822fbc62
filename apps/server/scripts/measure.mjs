// Cold and warm latency of each backend over loopback HTTP: `node scripts/measure.mjs` after a build.
import { readFileSync } from "node:fs";
import { fixturePath } from "@infer/testing";
const { startServer, samplePhotoPath, samplePortrait } = await import("../dist/index.js");
const { decodeAudio, encodeWav } = await import("../dist/backends/audio.js");
const server = await startServer({ loadWait: 600000 });
const j = (o) => ({ body: JSON.stringify(o), type: "application/json" });
const a = await decodeAudio(readFileSync(fixturePath("sample1.flac")));
const clip = encodeWav(a.samples.subarray(Math.round(8.5 * a.sampleRate)), a.sampleRate);
const only = process.argv.slice(2);
const cases = [
  ["infer/wink-sentiment", j({ inputs: "I love this library, it is great." })],
  ["infer/compromise-ner", j({ inputs: "Barack Obama visited Paris and Microsoft." })],
  [
    "infer/iris-random-forest",
    j({ table: { sepal_length: [5.1], sepal_width: [3.5], petal_length: [1.4], petal_width: [0.2] } }),
  ],
  [
    "infer/iris-random-forest-regression",
    j({ table: { sepal_length: [5.1], sepal_width: [3.5], petal_length: [1.4] } }),
  ],
  ["infer/aesop-trigram", j({ inputs: "The Fox saw the grapes", parameters: { max_new_tokens: 40 } })],
  ["infer/espeak-ng-en-us", j({ inputs: "Hello there, this is the local speech server." })],
  ["infer/tesseract-eng", { body: readFileSync(fixturePath("invoice.png")), type: "image/png" }],
  ["infer/human-centernet", { body: readFileSync(samplePhotoPath()), type: "image/jpeg" }],
  ["infer/pocketsphinx-en-us", { body: clip, type: "audio/wav" }],
  ["infer/mediapipe-selfie-segmentation", { body: await samplePortrait(), type: "image/png" }],
  ["infer/esrgan-slim-x2", { body: await samplePortrait(), type: "image/png" }],
  ["infer/silero-vad", { body: clip, type: "audio/wav" }],
];
for (const [id, { body, type }] of cases.filter(([id]) => only.length === 0 || only.includes(id))) {
  const times = [];
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    const r = await fetch(`${server.url}/models/${id}`, { method: "POST", body, headers: { "content-type": type } });
    await r.arrayBuffer();
    if (r.status !== 200) console.log(id, r.status);
    times.push(performance.now() - t);
  }
  const warm = times.slice(1).sort((x, y) => x - y)[1];
  console.log(
    `${id}\tcold ${(times[0] / 1000).toFixed(2)} s\twarm ${warm < 1000 ? `${warm.toFixed(0)} ms` : `${(warm / 1000).toFixed(2)} s`}`,
  );
}
await server.close();
