import { markdownTable } from "../markdown.js";
import { formatNumber } from "../statistics.js";
import type { BundleMeasure } from "./bundle.js";
import type { MarginalCost } from "./marginal.js";

/**
 * A table of bundles: minified and gzipped sizes against a budget each, and (given `baseline`, the bundle of
 * `createClient()` alone) what each adds to core's fixed cost.
 */
export function bundleTable(
  rows: readonly { measure: BundleMeasure; budget: number | undefined }[],
  baseline?: BundleMeasure,
): string {
  return markdownTable(
    [
      "bundle",
      "minified (B)",
      "gzipped (B)",
      ...(baseline ? ["gzipped, above createClient() alone (B)"] : []),
      "budget (B)",
      "within",
    ],
    rows.map(({ measure, budget }) => [
      measure.name,
      formatNumber(measure.minifiedBytes),
      formatNumber(measure.gzipBytes),
      ...(baseline ? [measure === baseline ? "—" : formatNumber(measure.gzipBytes - baseline.gzipBytes)] : []),
      budget === undefined ? "—" : formatNumber(budget),
      budget === undefined ? "—" : measure.gzipBytes <= budget && measure.undiciInputs.length === 0 ? "yes" : "**no**",
    ]),
  );
}

/** Which modules a bundle is made of, grouped by package, largest first: the metafile's minified bytes. */
export function compositionTable(measure: BundleMeasure, limit = 40): string {
  const rows = measure.inputs
    .filter((input) => input.bytes > 0)
    .slice(0, limit)
    .map((input) => [
      shortPath(input.path),
      formatNumber(input.bytes),
      `${((input.bytes / measure.minifiedBytes) * 100).toFixed(1)}%`,
    ]);
  return markdownTable(["module", "minified bytes in bundle", "share"], rows);
}

/** `../../packages/core/dist/send.js` → `core/send.js`; `node_modules/.pnpm/x/node_modules/y/z.js` → `y/z.js`. */
export function shortPath(path: string): string {
  const ours = /packages\/([^/]+)\/dist\/(.*)$/.exec(path);
  if (ours) return `${ours[1]}/${ours[2]}`;
  const theirs = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(path);
  if (theirs) return `${theirs[1]}/${theirs[2]}`;
  return path;
}

/** What leaving each module out would save (see marginal.ts). */
export function marginalTable(costs: readonly MarginalCost[], limit = 25): string {
  return markdownTable(
    ["module left out", "gzipped bytes saved", "minified bytes saved"],
    costs
      .slice(0, limit)
      .map((cost) => [shortPath(cost.module), formatNumber(cost.gzipBytes), formatNumber(cost.minifiedBytes)]),
  );
}
