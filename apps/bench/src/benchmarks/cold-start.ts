import { fileURLToPath } from "node:url";
import { interleave, type BenchContext, type BenchmarkReport } from "../context.js";
import { markdownTable } from "../markdown.js";
import { startServerProcess, timeProcess } from "../processes.js";
import type { ColdStartContender, ColdStartResult } from "../runners/cold-start.js";
import { formatRatio, median } from "../statistics.js";

const CONTENDERS: readonly ColdStartContender[] = ["node", "undici", "infer", "peer"];
const LABELS: Record<ColdStartContender, string> = {
  node: "node alone",
  undici: "raw undici (floor)",
  infer: "@infer",
  peer: "@huggingface/inference",
};

type Measured = ColdStartResult & { wallMilliseconds: number };

/** Benchmark 5: import the client and make one call, in a fresh process. */
export async function benchmarkColdStart(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 3 : 10;
  const script = fileURLToPath(new URL("../runners/cold-start.js", import.meta.url));
  const server = await startServerProcess("classification");
  try {
    const results = await interleave(CONTENDERS, rounds, async (contender): Promise<Measured> => {
      const { wallMilliseconds, output } = await timeProcess(script, [contender, `${server.url}/models/bench`]);
      return { ...(JSON.parse(output) as ColdStartResult), wallMilliseconds };
    });
    const of = (contender: ColdStartContender, pick: (result: Measured) => number) =>
      median((results.get(contender) ?? []).map(pick));
    const ready = (contender: ColdStartContender) => of(contender, (result) => result.readyAt);
    const rows = CONTENDERS.map((contender) => [
      `${LABELS[contender]}: ${results.get(contender)?.[0]?.api ?? ""}`,
      of(contender, (result) => result.importMilliseconds).toFixed(1),
      of(contender, (result) => result.callMilliseconds).toFixed(1),
      ready(contender).toFixed(1),
      (ready(contender) - ready("node")).toFixed(1),
      of(contender, (result) => result.wallMilliseconds).toFixed(1),
      contender === "node" ? "—" : formatRatio(ready(contender) - ready("node"), ready("peer") - ready("node")),
    ]);
    context.log(
      `  cold start: @infer ready at ${ready("infer").toFixed(1)} ms, peer at ${ready("peer").toFixed(1)} ms`,
    );
    const ours = ready("infer") - ready("node");
    const peer = ready("peer") - ready("node");
    const markdown = [
      "## 5. Cold start",
      "",
      "A fresh `node` process imports the client and makes one text-classification call to a loopback server (its own " +
        `process); medians of ${rounds} interleaved rounds. Times are \`performance.now()\` in the child (milliseconds ` +
        'since the process started); "wall" is spawn to exit as the parent saw it; "above node" subtracts an empty script.',
      "",
      markdownTable(
        [
          "client",
          "import (ms)",
          "first call (ms)",
          "answer at (ms)",
          "above node (ms)",
          "wall (ms)",
          "vs peer (above node)",
        ],
        rows,
      ),
      "",
      `No numeric goal was set for cold start; @infer needs ${formatRatio(ours, peer)} the peer's time above node's own start.`,
    ].join("\n");
    return {
      markdown,
      headline: [
        {
          benchmark: "Cold start: import + one call, above node's own start (ms)",
          infer: ours.toFixed(1),
          raw: (ready("undici") - ready("node")).toFixed(1),
          peer: peer.toFixed(1),
          goal: "(none set; < peer expected)",
          met: ours < peer,
        },
      ],
    };
  } finally {
    await server.close();
  }
}
