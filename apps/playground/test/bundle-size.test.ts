// The built playground's size, from Vite's manifest: what a first visit loads (the page and core), and what
// each task adds when it is first run (its package and the shared core modules only tasks use). Gzip -9.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { TASKS } from "../src/tasks.js";
import { distDirectory } from "./static-server.js";

/** Budgets in gzipped bytes; the first measurement (December 2026) is in the comment. */
export const INITIAL_BUDGET = 19 * 1024; // 18,473 B: the page's UI and @infer/core (16,560 B before issues 10 and 12 grew core)
export const TASK_BUDGET = 5 * 1024; // text-generation, the largest: 4,167 B (with core's task kit, shared by all tasks)
export const TOTAL_BUDGET = 40 * 1024; // every task loaded: 32,682 B

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
  src?: string;
}

const manifestPath = `${distDirectory}.vite/manifest.json`;
if (!existsSync(manifestPath)) throw new Error("apps/playground is not built: run its build (vite build) first");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, Chunk>;
const gzip = (file: string) => gzipSync(readFileSync(`${distDirectory}${file}`), { level: 9 }).byteLength;

/** The files a chunk needs, itself and its static imports, transitively. */
function closure(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, into);
  return into;
}

const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzip(file), 0);
const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const initialFiles = closure(entryKey);
const initialJs = sum([...initialFiles].filter((file) => file.endsWith(".js")));
const rows: string[] = [];

afterAll(() => console.log(["Playground bundle (gzip -9):", ...rows].join("\n")));

describe("playground bundle size", () => {
  it(`loads the page and core in ≤ ${INITIAL_BUDGET} B of gzipped JavaScript, no task package yet`, () => {
    rows.push(
      `  first load: ${initialJs} B JS + ${sum([...initialFiles].filter((file) => file.endsWith(".css")))} B CSS + ${gzip("index.html")} B HTML`,
    );
    expect(initialJs).toBeGreaterThan(1_000);
    expect([...initialFiles].some((file) => file.includes("task-"))).toBe(false);
    expect(initialJs).toBeLessThanOrEqual(INITIAL_BUDGET);
  });

  it(`adds ≤ ${TASK_BUDGET} B for each task, loaded on first use`, () => {
    const dynamic = manifest[entryKey]!.dynamicImports ?? [];
    expect(dynamic.length).toBe(TASKS.length);
    const sizes = dynamic
      .map((key) => {
        const added = [...closure(key)].filter((file) => !initialFiles.has(file));
        return { name: /packages\/([^/]+)\//.exec(key)?.[1] ?? key, bytes: sum(added) };
      })
      .sort((left, right) => right.bytes - left.bytes);
    rows.push(`  each task on first use: ${sizes.map(({ name, bytes }) => `${name} ${bytes} B`).join(", ")}`);
    for (const { name, bytes } of sizes) expect(bytes, name).toBeLessThanOrEqual(TASK_BUDGET);
  });

  it(`holds every task in ≤ ${TOTAL_BUDGET} B of gzipped JavaScript`, () => {
    const all = Object.values(manifest)
      .map((chunk) => chunk.file)
      .filter((file) => file.endsWith(".js"));
    const total = sum(new Set(all));
    rows.push(`  everything: ${total} B JS in ${new Set(all).size} files`);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET);
  });
});
