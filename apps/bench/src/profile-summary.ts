/**
 * `node apps/bench/dist/profile-summary.js FILE.cpuprofile [--top=25]`: the functions with the most self time
 * in a V8 CPU profile (from `node --cpu-prof`), and the self time per package, as Markdown.
 */
import { readFileSync } from "node:fs";
import { markdownTable } from "./markdown.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Where a script URL belongs: an @infer package, a dependency, node's internals, or V8 itself. */
export function ownerOf(url: string): string {
  if (url === "") return "(V8: GC, idle, native)";
  const ours = /packages\/([^/]+)\/dist\//.exec(url);
  if (ours) return `@infer/${ours[1]}`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1] as string;
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("apps/bench/")) return "the bench runner";
  return url;
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(packages|node_modules\/\.pnpm\/[^/]+\/node_modules|apps)\//, "");
}

/** Self time per function and per owner, in milliseconds, largest first. */
export function summarize(profile: Profile): {
  functions: [string, number][];
  owners: [string, number][];
  totalMilliseconds: number;
} {
  const totalMilliseconds = (profile.endTime - profile.startTime) / 1000;
  const sampleMilliseconds = totalMilliseconds / Math.max(1, profile.samples.length);
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + hits * sampleMilliseconds);
    const owner = ownerOf(url);
    owners.set(owner, (owners.get(owner) ?? 0) + hits * sampleMilliseconds);
  }
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((left, right) => right[1] - left[1]);
  return { functions: sorted(functions), owners: sorted(owners), totalMilliseconds };
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: profile-summary FILE.cpuprofile [--top=25]");
    process.exit(2);
  }
  const top = Number(/^--top=(\d+)$/.exec(process.argv[3] ?? "")?.[1] ?? 25);
  const { functions, owners, totalMilliseconds } = summarize(JSON.parse(readFileSync(file, "utf8")) as Profile);
  const percent = (milliseconds: number) => `${((milliseconds / totalMilliseconds) * 100).toFixed(1)}%`;
  console.log(`${file}: ${totalMilliseconds.toFixed(0)} ms profiled\n`);
  console.log(
    markdownTable(
      ["owner", "self ms", "share"],
      owners.map(([owner, ms]) => [owner, ms.toFixed(1), percent(ms)]),
    ),
  );
  console.log("");
  console.log(
    markdownTable(
      ["function", "self ms", "share"],
      functions.slice(0, top).map(([name, ms]) => [name, ms.toFixed(1), percent(ms)]),
    ),
  );
}

main();
