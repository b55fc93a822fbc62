import { measureBundle, type BundleMeasure } from "./bundle.js";

/** What leaving one module (or group) out of a bundle saves, gzipped and minified. */
export interface MarginalCost {
  module: string;
  gzipBytes: number;
  minifiedBytes: number;
}

/**
 * For each input of `measure` that `include` selects, bundles `contents` again with that module's code
 * replaced by empty exports and reports the difference. Gzip savings do not add up exactly; they show
 * where the bytes are. Groups (a path prefix such as `core/dist/hub/`) are measured as one.
 */
export async function marginalCosts(
  measure: BundleMeasure,
  contents: string,
  include: (path: string) => boolean,
  groups: readonly string[] = [],
): Promise<MarginalCost[]> {
  const costs: MarginalCost[] = [];
  const modules = measure.inputs.filter((input) => input.bytes > 0 && include(input.path)).map((input) => input.path);
  const candidates: { module: string; matches: (path: string) => boolean }[] = [
    ...modules.map((module) => ({
      module,
      matches: (path: string) => path.endsWith(module.replace(/^(\.\.\/)+/, "")),
    })),
    ...groups.map((group) => ({ module: `${group}*`, matches: (path: string) => path.includes(group) })),
  ];
  for (const candidate of candidates) {
    const without = await measureBundle(`${measure.name} without ${candidate.module}`, contents, candidate.matches);
    costs.push({
      module: candidate.module,
      gzipBytes: measure.gzipBytes - without.gzipBytes,
      minifiedBytes: measure.minifiedBytes - without.minifiedBytes,
    });
  }
  return costs.sort((left, right) => right.gzipBytes - left.gzipBytes);
}
