import { interleave, type BenchContext, type BenchmarkReport } from "../context.js";
import { markdownTable } from "../markdown.js";
import { runRunner, startServerProcess } from "../processes.js";
import type { ThroughputArgument, ThroughputContender, ThroughputResult } from "../runners/throughput-runner.js";
import { formatNumber, formatRatio, median } from "../statistics.js";

const CONTENDERS: readonly ThroughputContender[] = ["infer", "undici", "peer"];
const LABELS: Record<ThroughputContender, string> = {
  infer: "@infer `textClassification`",
  undici: "raw `undici.request` (floor)",
  peer: "@huggingface/inference `textClassification`",
};

/** Benchmark 1: text-classification calls per second, 64 callers in flight, each run in a fresh process. */
export async function benchmarkThroughput(context: BenchContext): Promise<BenchmarkReport> {
  const calls = context.quick ? 4_000 : 20_000;
  const warmup = context.quick ? 1_000 : 3_000;
  const concurrency = 64;
  const rounds = context.quick ? 2 : 5;
  const server = await startServerProcess("classification");
  const serverShare = new Map<ThroughputContender, number[]>(CONTENDERS.map((contender) => [contender, []]));
  try {
    const results = await interleave(CONTENDERS, rounds, async (contender, round) => {
      const before = await server.usage();
      const argument: ThroughputArgument = { contender, url: `${server.url}/models/bench`, calls, warmup, concurrency };
      const result = await runRunner<ThroughputResult>("throughput-runner", argument, {
        nodeFlags: context.nodeFlags,
        label: contender,
      });
      const after = await server.usage();
      // The server's CPU share over the whole run (warm-up included): near 100% means the server was the limit.
      const totalCalls = calls + warmup + 1;
      const serverMicrosecondsPerCall = (after.cpuMicroseconds - before.cpuMicroseconds) / totalCalls;
      serverShare.get(contender)?.push((serverMicrosecondsPerCall * result.callsPerSecond) / 1e6);
      context.log(
        `  throughput round ${round + 1}/${rounds} ${contender}: ${formatNumber(result.callsPerSecond)} calls/s`,
      );
      return result;
    });
    const rate = (contender: ThroughputContender) =>
      median((results.get(contender) ?? []).map((result) => result.callsPerSecond));
    const cpu = (contender: ThroughputContender) =>
      median((results.get(contender) ?? []).map((result) => result.cpuMicrosecondsPerCall));
    const ours = rate("infer");
    const raw = rate("undici");
    const peer = rate("peer");
    const rows = CONTENDERS.map((contender) => [
      LABELS[contender],
      formatNumber(rate(contender)),
      (results.get(contender) ?? []).map((result) => formatNumber(result.callsPerSecond)).join(", "),
      formatNumber(cpu(contender), 1),
      `${formatNumber(median(serverShare.get(contender) ?? []) * 100)}%`,
      formatRatio(rate(contender), raw),
      formatRatio(rate(contender), peer),
    ]);
    const towardRaw = ours / raw;
    const towardPeer = ours / peer;
    const markdown = [
      "## 1. Request throughput",
      "",
      `\`textClassification\` against a keep-alive loopback server (its own process), ${concurrency} concurrent callers, ` +
        `${formatNumber(calls)} timed calls after ${formatNumber(warmup)} warm-up calls, each run in a fresh client process; ` +
        `${rounds} interleaved rounds. The server answers the recorded serverless-API JSON. "client CPU" is the client ` +
        "process's user+system time per timed call; \"server busy\" is the server process's CPU share during the run " +
        "(near 100% means the one-core server, not the client, set the pace).",
      "",
      markdownTable(
        ["client", "calls/s (median)", "each run", "client CPU µs/call", "server busy", "vs raw undici", "vs peer"],
        rows,
      ),
      "",
      `Goals: ≥ 0.90× raw undici — ${formatRatio(ours, raw)}, ${towardRaw >= 0.9 ? "met" : "**missed**"}; ` +
        `≥ 4× the peer — ${formatRatio(ours, peer)}, ${towardPeer >= 4 ? "met" : "**missed**"}.`,
    ].join("\n");
    return {
      markdown,
      headline: [
        {
          benchmark: "Throughput (calls/s, 64 callers)",
          infer: formatNumber(ours),
          raw: formatNumber(raw),
          peer: formatNumber(peer),
          goal: "≥ 0.9× raw, ≥ 4× peer",
          met: towardRaw >= 0.9 && towardPeer >= 4,
        },
      ],
    };
  } finally {
    await server.close();
  }
}
