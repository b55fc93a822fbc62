import { interleave, type BenchContext, type BenchmarkReport } from "../context.js";
import { markdownTable } from "../markdown.js";
import { runRunner, startServerProcess } from "../processes.js";
import type { StreamingArgument, StreamingContender, StreamingResult } from "../runners/streaming-runner.js";
import { formatNumber, formatRatio, median } from "../statistics.js";

const CONTENDERS: readonly StreamingContender[] = ["infer", "peer", "floor", "undici"];
const LABELS: Record<StreamingContender, string> = {
  infer: "@infer",
  peer: "@huggingface/inference",
  floor: "parsing floor:",
  undici: "raw bytes, unparsed (not a reachable floor):",
};

/** Benchmark 2: tokens per second through a 100,000-token TGI stream, and the time to the first token. */
export async function benchmarkStreaming(context: BenchContext): Promise<BenchmarkReport> {
  const tokens = context.quick ? 20_000 : 100_000;
  const firstTokenRequests = context.quick ? 30 : 100;
  const rounds = context.quick ? 2 : 5;
  const server = await startServerProcess("streaming");
  try {
    const results = await interleave(CONTENDERS, rounds, async (contender, round) => {
      const argument: StreamingArgument = { contender, url: server.url, tokens, firstTokenRequests };
      const result = await runRunner<StreamingResult>("streaming-runner", argument, {
        nodeFlags: context.nodeFlags,
        label: contender,
      });
      context.log(
        `  streaming round ${round + 1}/${rounds} ${contender}: ${formatNumber(result.tokensPerSecond)} tokens/s, ` +
          `first token ${result.firstTokenMilliseconds.toFixed(3)} ms`,
      );
      return result;
    });
    const rate = (contender: StreamingContender) =>
      median((results.get(contender) ?? []).map((result) => result.tokensPerSecond));
    const first = (contender: StreamingContender) =>
      median((results.get(contender) ?? []).map((result) => result.firstTokenMilliseconds));
    const api = (contender: StreamingContender) => results.get(contender)?.[0]?.api ?? "";
    const rows = CONTENDERS.map((contender) => [
      `${LABELS[contender]} ${api(contender)}`,
      formatNumber(rate(contender)),
      (results.get(contender) ?? []).map((result) => formatNumber(result.tokensPerSecond)).join(", "),
      formatRatio(rate(contender), rate("floor")),
      formatRatio(rate(contender), rate("peer")),
      first(contender).toFixed(3),
      contender === "undici" ? "—" : `+${(first(contender) - first("undici")).toFixed(3)}`,
    ]);
    const ours = rate("infer");
    const peer = rate("peer");
    const floor = rate("floor");
    const added = first("infer") - first("undici");
    const markdown = [
      "## 2. Streaming",
      "",
      `A TGI \`generate_stream\` answer of ${formatNumber(tokens)} tokens (one \`data:\` event each, ~110 bytes), written by ` +
        "a loopback server (its own process) in 64 KiB writes as fast as the socket takes them; each run in a fresh client " +
        `process after a warm-up stream; ${rounds} interleaved rounds. Time to first token: the median over ` +
        `${firstTokenRequests} sequential 16-token streams, from the call to the first token (raw: to the first body bytes).`,
      "",
      markdownTable(
        [
          "client",
          "tokens/s (median)",
          "each run",
          "vs parsing floor",
          "vs peer",
          "first token (ms)",
          "added to first token (ms)",
        ],
        rows,
      ),
      "",
      "The parsing floor reads the same bytes with raw `undici.request`, splits lines with `indexOf` and `JSON.parse`s " +
        "each event: what any client that yields parsed tokens must at least do. Raw bytes read and dropped are shown " +
        "for reference only.",
      "",
      `Goals (issue 11): ≥ 0.8× the parsing floor — ${formatRatio(ours, floor)}, ${ours >= 0.8 * floor ? "met" : "**missed**"}; ` +
        `≥ 2× the peer — ${formatRatio(ours, peer)}, ${ours >= 2 * peer ? "met" : "**missed**"}. @infer adds ` +
        `${added.toFixed(3)} ms to the first token (against raw bytes).`,
    ].join("\n");
    return {
      markdown,
      headline: [
        {
          benchmark: `Streaming (tokens/s, ${formatNumber(tokens)}-token TGI stream)`,
          infer: formatNumber(ours),
          raw: `${formatNumber(floor)} (parsing floor)`,
          peer: formatNumber(peer),
          goal: "≥ 0.8× floor, ≥ 2× peer",
          met: ours >= 0.8 * floor && ours >= 2 * peer,
        },
        {
          benchmark: "Time to first token (ms)",
          infer: first("infer").toFixed(3),
          raw: first("undici").toFixed(3),
          peer: first("peer").toFixed(3),
          goal: "(none set)",
          met: undefined,
        },
      ],
    };
  } finally {
    await server.close();
  }
}
