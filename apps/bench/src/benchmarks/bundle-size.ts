import {
  allTasksEntry,
  inferenceBuilt,
  inferenceClientEntry,
  measureBundle,
  peerTaskEntry,
  taskEntry,
  taskPackages,
  type BundleMeasure,
} from "../bundle/bundle.js";
import {
  GOAL_INFERENCE_CLIENT_BYTES as ALL_TASKS_BUDGET_BYTES,
  GOAL_ONE_FILE_BYTES as TASK_BUDGET_BYTES,
  GOAL_VITE_INITIAL_BYTES,
} from "../bundle/budgets.js";
import { measureSplitBundle, type SplitMeasure } from "../bundle/vite.js";
import { markdownTable } from "../markdown.js";
import { marginalCosts } from "../bundle/marginal.js";
import { bundleTable, compositionTable, marginalTable } from "../bundle/report.js";
import type { BenchContext, BenchmarkReport } from "../context.js";
import { formatNumber, formatRatio } from "../statistics.js";

/** Benchmark 4: browser bundle sizes, each task alone and all together, against the budgets; and the peer's. */
export async function benchmarkBundleSize(context: BenchContext): Promise<BenchmarkReport> {
  const tasks = taskPackages();
  const built = tasks.filter((task) => task.built);
  const rows: { measure: BundleMeasure; budget: number | undefined }[] = [];
  const coreAlone = await measureBundle(
    "`createClient()` alone (core's fixed cost)",
    `import { createClient } from "@infer/core";\ncreateClient();`,
  );
  rows.push({ measure: coreAlone, budget: undefined });
  for (const task of built)
    rows.push({ measure: await measureBundle(task.packageName, taskEntry(task)), budget: TASK_BUDGET_BYTES });
  const all = await measureBundle(
    `every built task (${built.length}) with \`createClient().with(…)\``,
    allTasksEntry(built),
  );
  rows.push({ measure: all, budget: ALL_TASKS_BUDGET_BYTES });
  const inference = inferenceBuilt()
    ? await measureBundle("`@infer/inference` `InferenceClient`", inferenceClientEntry)
    : undefined;
  if (inference) rows.push({ measure: inference, budget: ALL_TASKS_BUDGET_BYTES });
  const peer = await measureBundle("@huggingface/inference `textClassification` (peer, one task)", peerTaskEntry).catch(
    (error: unknown) => {
      context.log(`  the peer did not bundle: ${String(error)}`);
      return undefined;
    },
  );
  if (peer) rows.push({ measure: peer, budget: undefined });

  const single = rows.filter((row) => row.budget === TASK_BUDGET_BYTES).map((row) => row.measure);
  const largest = single.reduce<BundleMeasure | undefined>(
    (top, measure) => (!top || measure.gzipBytes > top.gzipBytes ? measure : top),
    undefined,
  );
  const tasksMet = single.every(
    (measure) => measure.gzipBytes <= TASK_BUDGET_BYTES && measure.undiciInputs.length === 0,
  );
  const whole = inference ?? all;
  const allMet = whole.gzipBytes <= ALL_TASKS_BUDGET_BYTES && whole.undiciInputs.length === 0;
  const textClassification = single.find((measure) => measure.name === "@infer/task-text-classification");
  const notBuilt = tasks.filter((task) => !task.built).map((task) => task.packageName);
  const coreCosts = textClassification
    ? await marginalCosts(
        textClassification,
        taskEntry(built.find((task) => task.packageName === "@infer/task-text-classification") ?? built[0]!),
        (path) => path.includes("packages/core/") && !path.endsWith("/browser.js"),
        ["packages/core/dist/hub/", "packages/core/dist/errors/"],
      )
    : [];
  const wholeCosts = await marginalCosts(
    whole,
    inference ? inferenceClientEntry : allTasksEntry(built),
    (path) => /packages\/task-/.test(path),
    ["packages/core/dist/hub/", "packages/core/dist/errors/"],
  );
  const splitTasks = [
    "@infer/task-text-classification",
    "@infer/task-image-classification",
    "@infer/task-text-generation",
    "@infer/task-chat-completion",
  ];
  const split: SplitMeasure[] = [];
  for (const name of splitTasks) {
    const task = built.find((candidate) => candidate.packageName === name);
    if (task) split.push(await measureSplitBundle(name, taskEntry(task)));
  }
  if (inference) split.push(await measureSplitBundle("`@infer/inference` `InferenceClient`", inferenceClientEntry));
  const splitOneTask = split.filter((measure) => splitTasks.includes(measure.name));
  const splitLargest = Math.max(...splitOneTask.map((measure) => measure.initialGzipBytes));
  const splitMet = splitLargest <= GOAL_VITE_INITIAL_BYTES;
  const splitTable = markdownTable(
    ["app (Vite build)", "initial chunk, gzipped (B)", "lazy chunks, gzipped (B each)", "all chunks (B)"],
    split.map((measure) => [
      measure.name,
      formatNumber(measure.initialGzipBytes),
      measure.chunks
        .filter((chunk) => !chunk.initial)
        .map(
          (chunk) =>
            `${chunk.fileName.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, "")} ${formatNumber(chunk.gzipBytes)}`,
        )
        .join(", "),
      formatNumber(measure.totalGzipBytes),
    ]),
  );
  context.log(
    `  bundle: one task ≤ ${formatNumber(largest?.gzipBytes ?? Number.NaN)} B, all ${formatNumber(whole.gzipBytes)} B gzipped`,
  );

  const markdown = [
    "## 4. Bundle size",
    "",
    'esbuild\'s JS API, `platform: "browser"` (so `@infer/core` resolves to its `browser` export, over `fetch`), ESM, ' +
      "minified, tree-shaken, then gzip level 9 (node:zlib). Each task alone is " +
      '`import { createClient } from "@infer/core"; import { X } from "@infer/task-X"; X(createClient(), "input")`. ' +
      "Deterministic: the same numbers are asserted by `src/bundle-size.test.ts` in `npm test`. 1 KB = 1024 B.",
    "",
    bundleTable(rows, coreAlone),
    "",
    ...(notBuilt.length > 0 ? [`Not built at the time of this run, so not measured: ${notBuilt.join(", ")}.`, ""] : []),
    `Goals: one task ≤ ${formatNumber(TASK_BUDGET_BYTES)} B — largest ${formatNumber(largest?.gzipBytes ?? Number.NaN)} B, ` +
      `${tasksMet ? "met" : "**missed**"}; all tasks ≤ ${formatNumber(ALL_TASKS_BUDGET_BYTES)} B — ${formatNumber(whole.gzipBytes)} B, ` +
      `${allMet ? "met" : "**missed**"} (issue 11: one task in one file ≤ 3,072 B, the whole client ≤ 10 KB). No bundle contains undici: ${rows.every((row) => row.measure.undiciInputs.length === 0) ? "yes" : "**no**"}.` +
      (peer && textClassification
        ? ` The peer's one task is ${formatRatio(peer.gzipBytes, textClassification.gzipBytes)} the size of ours.`
        : ""),
    "",
    "### With code splitting (Vite)",
    "",
    "The same one-task apps built with Vite 7 (`vite build`, Rollup's code splitting at each dynamic `import()`, " +
      "esbuild minification, ES2022): the initial chunk is the entry chunk and every chunk it imports statically, " +
      "gzipped chunk by chunk. The lazy chunks load only when a call needs them: `retry` on the first failed attempt, " +
      "`binary` with the first binary input, `recommended-model` for a call without a model, `get-json` for the Hub " +
      "look-ups and input-URL downloads. Asserted by `src/bundle-size.test.ts` (text classification).",
    "",
    splitTable,
    "",
    `Goal (issue 11): the initial chunk of a one-task app ≤ ${formatNumber(GOAL_VITE_INITIAL_BYTES)} B — largest ` +
      `${formatNumber(splitLargest)} B, ${splitMet ? "met" : "**missed**"}.`,
    "",
    "What one task's bundle is made of (`@infer/task-text-classification`; esbuild metafile, minified bytes before gzip):",
    "",
    textClassification ? compositionTable(textClassification) : "(text-classification not built)",
    "",
    "What each core module costs that bundle, gzipped: the bundle is made again with the module's code replaced by " +
      "empty exports, so the saving includes everything only that module keeps alive (`core/client.js`, the " +
      "`InferenceCore` class, keeps nearly all of core). Savings overlap; they do not add up.",
    "",
    coreCosts.length > 0 ? marginalTable(coreCosts) : "(text-classification not built)",
    "",
    `The same for the whole ${inference ? "`InferenceClient`" : "set of built tasks"}: the task modules (and two core groups) that cost it most.`,
    "",
    marginalTable(wholeCosts, 15),
  ].join("\n");
  return {
    markdown,
    headline: [
      {
        benchmark: "Bundle, one task in one file (largest, gzipped B)",
        infer: formatNumber(largest?.gzipBytes ?? Number.NaN),
        raw: "—",
        peer: peer ? formatNumber(peer.gzipBytes) : "n/a",
        goal: `≤ ${formatNumber(TASK_BUDGET_BYTES)}`,
        met: tasksMet,
      },
      {
        benchmark: "Bundle, one-task app's initial chunk with Vite (largest, gzipped B)",
        infer: formatNumber(splitLargest),
        raw: "—",
        peer: "—",
        goal: `≤ ${formatNumber(GOAL_VITE_INITIAL_BYTES)}`,
        met: splitMet,
      },
      {
        benchmark: `Bundle, every task (${inference ? "InferenceClient" : "all built tasks"}, gzipped B)`,
        infer: formatNumber(whole.gzipBytes),
        raw: "—",
        peer: "—",
        goal: `≤ ${formatNumber(ALL_TASKS_BUDGET_BYTES)}`,
        met: allMet,
      },
    ],
  };
}
