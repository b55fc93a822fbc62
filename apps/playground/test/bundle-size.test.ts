// The built playground's size, from Vite's manifest: what a first visit loads (the page and core), and what
// each task adds when it is first run (its package and the shared core modules only tasks use), and what each
// provider adds when a call first goes through it (its package and core's routing through providers). Gzip -9.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { PROVIDER_PACKAGES } from "../src/providers.js";
import { TASKS } from "../src/tasks.js";
import { distDirectory } from "./static-server.js";

/** Budgets in gzipped bytes; the first measurement (December 2026) is in the comment. */
export const INITIAL_BUDGET = 18 * 1024; // 20,034 B: the page's UI, its table of 22 providers (1.2 kB of it) and @infer/core (18,473 B before providers were offered); 17,896 B after issue 11's second round (was 21 KB)
// text-generation, the largest: 4,167 B (with core's task kit, shared by all tasks); 5,852 B once core's failure path and
// binary handling left the first load for lazy chunks (first load 20,034 → 17,963 B) and providers' completion chunks,
// stopSequences and the task-kit helpers came in (issues 9, 11, 12); 6,201 B with streams parsed a chunk at a time
// (issue 11's streaming goal: core's chunk-at-a-time parser and streamJsonEvents, +349 B)
export const TASK_BUDGET = 6.25 * 1024;
/**
 * A provider on first use, core's routing through providers and its shared modules included (the largest, hyperbolic:
 * 6,736 B; then zai-org 9,317 B once it served text-to-image with polling and core's polling/download modules came along).
 */
export const PROVIDER_BUDGET = 9.5 * 1024;
/** A provider's own chunk, once another provider brought core's routing (the largest, fal-ai with its queue: 1,124 B). */
export const PROVIDER_CHUNK_BUDGET = 1.25 * 1024;
export const TOTAL_BUDGET = 57.25 * 1024; // every task and provider loaded: 51,434 B (36,607 B with the tasks alone); 57,548 B
// with the chunk-at-a-time streams of issue 11 (was 56 KB); 58,537 B with issue 9's task parameters at parity with
// huggingface_hub in ten tasks (+989 B: core's parameter table in five more task chunks; was 56.5 KB)

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
const dynamicImports = manifest[entryKey]!.dynamicImports ?? [];
const packageOf = (key: string) => /packages\/([^/]+)\//.exec(key)?.[1] ?? key;

afterAll(() => console.log(["Playground bundle (gzip -9):", ...rows].join("\n")));

describe("playground bundle size", () => {
  it(`loads the page and core in ≤ ${INITIAL_BUDGET} B of gzipped JavaScript, no task package yet`, () => {
    rows.push(
      `  first load: ${initialJs} B JS + ${sum([...initialFiles].filter((file) => file.endsWith(".css")))} B CSS + ${gzip("index.html")} B HTML`,
    );
    expect(initialJs).toBeGreaterThan(1_000);
    expect([...initialFiles].some((file) => file.includes("task-"))).toBe(false);
    expect([...initialFiles].some((file) => file.includes("provider-"))).toBe(false);
    expect(initialJs).toBeLessThanOrEqual(INITIAL_BUDGET);
  });

  it(`adds ≤ ${TASK_BUDGET} B for each task, loaded on first use`, () => {
    const dynamic = dynamicImports.filter((key) => packageOf(key).startsWith("task-"));
    expect(dynamic.length).toBe(TASKS.length);
    // The page's own lazy imports: a task or provider package each (core's lazily loaded modules are not counted).
    const packages = dynamicImports.filter((key) => /^(task|provider)-/.test(packageOf(key)));
    expect(packages.length).toBe(TASKS.length + PROVIDER_PACKAGES.length);
    const sizes = dynamic
      .map((key) => {
        const added = [...closure(key)].filter((file) => !initialFiles.has(file));
        return { name: packageOf(key), bytes: sum(added) };
      })
      .sort((left, right) => right.bytes - left.bytes);
    rows.push(`  each task on first use: ${sizes.map(({ name, bytes }) => `${name} ${bytes} B`).join(", ")}`);
    for (const { name, bytes } of sizes) expect(bytes, name).toBeLessThanOrEqual(TASK_BUDGET);
  });

  it(`adds ≤ ${PROVIDER_BUDGET} B for the first provider used, ≤ ${PROVIDER_CHUNK_BUDGET} B for each one after`, () => {
    const dynamic = dynamicImports.filter((key) => packageOf(key).startsWith("provider-"));
    expect(dynamic.map(packageOf).sort()).toEqual(
      PROVIDER_PACKAGES.map((spec) => spec.packageName.replace("@infer/", "")).sort(),
    );
    const sizes = dynamic
      .map((key) => {
        const added = [...closure(key)].filter((file) => !initialFiles.has(file));
        return { name: packageOf(key), first: sum(added), own: gzip(manifest[key]!.file) };
      })
      .sort((left, right) => right.first - left.first);
    // Core's routing through providers is in no task's chunk and not in the first load: only providers pull it in.
    const routing = Object.values(manifest).find((chunk) => /define-provider/.test(chunk.file));
    expect(routing, "core's routing through providers in a chunk of its own").toBeDefined();
    const routingClosure = closure(Object.keys(manifest).find((key) => manifest[key] === routing)!);
    expect(initialFiles.has(routing!.file)).toBe(false);
    for (const key of dynamicImports.filter((item) => packageOf(item).startsWith("task-")))
      expect(closure(key).has(routing!.file), packageOf(key)).toBe(false);
    rows.push(
      `  core's routing through providers (with the first provider): ${sum([...routingClosure].filter((file) => !initialFiles.has(file)))} B`,
      `  each provider on first use (own chunk): ${sizes.map(({ name, first, own }) => `${name} ${first} B (${own} B)`).join(", ")}`,
    );
    for (const { name, first, own } of sizes) {
      expect(first, name).toBeLessThanOrEqual(PROVIDER_BUDGET);
      expect(own, name).toBeLessThanOrEqual(PROVIDER_CHUNK_BUDGET);
    }
  });

  it(`holds every task and provider in ≤ ${TOTAL_BUDGET} B of gzipped JavaScript`, () => {
    const all = Object.values(manifest)
      .map((chunk) => chunk.file)
      .filter((file) => file.endsWith(".js"));
    const total = sum(new Set(all));
    rows.push(`  everything: ${total} B JS in ${new Set(all).size} files`);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET);
  });
});
