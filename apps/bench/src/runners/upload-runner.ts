/**
 * One upload run in a fresh process (started with --expose-gc):
 * `node --expose-gc upload-runner.js '{"contender", "url", "path", "warmupPath"}'`.
 * Uploads a small file to warm up, settles, takes the idle RSS, then uploads the big file once and reports
 * its throughput and the peak RSS above idle.
 */
import { stat } from "node:fs/promises";
import { BENCH_TOKEN, printResult, runnerArgument } from "./shared.js";

export type UploadContender = "infer" | "undici";

export interface UploadArgument {
  contender: UploadContender;
  url: string;
  path: string;
  warmupPath: string;
}

export interface UploadResult {
  contender: UploadContender;
  bytes: number;
  seconds: number;
  bytesPerSecond: number;
  idleRssBytes: number;
  /** The larger of the sampled peak and the kernel's lifetime maximum (`maxRSS`), minus the idle RSS. */
  peakAboveIdleBytes: number;
}

async function makeUpload(contender: UploadContender, url: string): Promise<(path: string) => Promise<unknown>> {
  switch (contender) {
    case "infer": {
      const { createClient } = await import("@infer/core");
      const { imageClassification } = await import("@infer/task-image-classification");
      const client = createClient({ model: url, token: BENCH_TOKEN });
      return (path) => imageClassification(client, path);
    }
    case "undici": {
      const { request } = await import("undici");
      const { createReadStream } = await import("node:fs");
      return async (path) => {
        const { size } = await stat(path);
        const response = await request(url, {
          method: "POST",
          headers: {
            "content-type": "image/png",
            "content-length": String(size),
            authorization: `Bearer ${BENCH_TOKEN}`,
          },
          body: createReadStream(path),
        });
        return response.body.json();
      };
    }
  }
}

const argument = runnerArgument<UploadArgument>();
const upload = await makeUpload(argument.contender, argument.url);
await upload(argument.warmupPath);

const collect = (globalThis as { gc?: () => void }).gc;
for (let index = 0; index < 3; index++) collect?.();
await new Promise((resolve) => setTimeout(resolve, 100));
const idleRssBytes = process.memoryUsage.rss();

let sampledPeak = idleRssBytes;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 2);
const { size } = await stat(argument.path);
const started = performance.now();
const answer = await upload(argument.path);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
if (!Array.isArray(answer)) throw new Error(`${argument.contender} answered ${JSON.stringify(answer)}`);
const lifetimePeak = process.resourceUsage().maxRSS * 1024;

printResult({
  contender: argument.contender,
  bytes: size,
  seconds,
  bytesPerSecond: size / seconds,
  idleRssBytes,
  peakAboveIdleBytes: Math.max(sampledPeak, lifetimePeak) - idleRssBytes,
} satisfies UploadResult);
