import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { interleave, type BenchContext, type BenchmarkReport } from "../context.js";
import { markdownTable } from "../markdown.js";
import { runRunner, startServerProcess } from "../processes.js";
import type { UploadArgument, UploadContender, UploadResult } from "../runners/upload-runner.js";
import { formatMebibytes, formatRatio, median } from "../statistics.js";

const CONTENDERS: readonly UploadContender[] = ["infer", "undici"];
const LABELS: Record<UploadContender, string> = {
  infer: "@infer `imageClassification(client, path)`",
  undici: "raw `undici.request` + `fs.createReadStream` (floor)",
};
const RSS_GOAL_BYTES = 100 * 1024 * 1024;

/** A sparse file of `size` bytes (it takes no disk space; reads return zeros). */
async function sparseFile(path: string, size: number): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

/** Benchmark 3: a 1 GiB file given as a path, against raw undici streaming it; peak RSS above idle. */
export async function benchmarkUpload(context: BenchContext): Promise<BenchmarkReport> {
  const size = context.quick ? 256 * 1024 * 1024 : 1024 * 1024 * 1024;
  const rounds = context.quick ? 1 : 3;
  const directory = await mkdtemp(join(tmpdir(), "infer-bench-"));
  const path = join(directory, "upload.png");
  const warmupPath = join(directory, "warmup.png");
  await sparseFile(path, size);
  await sparseFile(warmupPath, 4 * 1024 * 1024);
  const server = await startServerProcess("upload");
  try {
    const results = await interleave(CONTENDERS, rounds, async (contender, round) => {
      const before = await server.usage();
      const argument: UploadArgument = { contender, url: `${server.url}/models/bench`, path, warmupPath };
      const result = await runRunner<UploadResult>("upload-runner", argument, {
        nodeFlags: ["--expose-gc", ...context.nodeFlags],
        label: contender,
      });
      const received = (await server.usage()).bytesReceived - before.bytesReceived;
      if (received < size) throw new Error(`the server received ${received} of ${size} bytes from ${contender}`);
      context.log(
        `  upload round ${round + 1}/${rounds} ${contender}: ${formatMebibytes(result.bytesPerSecond)}/s, ` +
          `peak ${formatMebibytes(result.peakAboveIdleBytes)} above idle`,
      );
      return result;
    });
    const speed = (contender: UploadContender) =>
      median((results.get(contender) ?? []).map((result) => result.bytesPerSecond));
    const peak = (contender: UploadContender) =>
      median((results.get(contender) ?? []).map((result) => result.peakAboveIdleBytes));
    const idle = (contender: UploadContender) =>
      median((results.get(contender) ?? []).map((result) => result.idleRssBytes));
    const rows = CONTENDERS.map((contender) => [
      LABELS[contender],
      `${formatMebibytes(speed(contender))}/s`,
      (results.get(contender) ?? []).map((result) => formatMebibytes(result.bytesPerSecond)).join(", "),
      formatMebibytes(idle(contender)),
      formatMebibytes(peak(contender)),
      formatRatio(speed(contender), speed("undici")),
    ]);
    const oursPeak = peak("infer");
    const met = oursPeak < RSS_GOAL_BYTES;
    const markdown = [
      "## 3. Upload",
      "",
      `A ${formatMebibytes(size)} sparse file (\`upload.png\`) given as a path, posted raw to a loopback server (its own ` +
        `process) that drains it and answers labels; each run in a fresh client process started with \`--expose-gc\`, ` +
        `after a 4 MiB warm-up upload and a GC; ${rounds} interleaved round${rounds === 1 ? "" : "s"}. ` +
        '"peak above idle" is the larger of the RSS sampled every 2 ms and the kernel\'s `maxRSS`, minus the RSS ' +
        "just before the upload.",
      "",
      markdownTable(
        ["client", "throughput (median)", "each run", "idle RSS", "peak RSS above idle", "vs raw undici"],
        rows,
      ),
      "",
      `Goal: peak RSS under 100 MiB above idle — ${formatMebibytes(oursPeak)}, ${met ? "met" : "**missed**"}.`,
    ].join("\n");
    return {
      markdown,
      headline: [
        {
          benchmark: `Upload ${formatMebibytes(size)} from a path (throughput; peak RSS above idle)`,
          infer: `${formatMebibytes(speed("infer"))}/s; ${formatMebibytes(oursPeak)}`,
          raw: `${formatMebibytes(speed("undici"))}/s; ${formatMebibytes(peak("undici"))}`,
          peer: "(takes no path)",
          goal: "< 100 MiB RSS",
          met,
        },
      ],
    };
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
}
