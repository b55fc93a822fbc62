import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";
import { benchDirectory } from "./bundle.js";

/** A Vite production build of a one-entry app, split into chunks as Vite splits it. */
export interface SplitMeasure {
  name: string;
  /** The entry chunk and every chunk it imports statically: what loads before the app's first line runs. */
  initialGzipBytes: number;
  initialMinifiedBytes: number;
  /** Every chunk, the lazily imported ones included. */
  totalGzipBytes: number;
  chunks: { fileName: string; initial: boolean; gzipBytes: number; modules: string[] }[];
}

const ENTRY = "\0bench-entry";

function entryPlugin(contents: string): Plugin {
  return {
    name: "bench-entry",
    resolveId: (id) => (id === "bench-entry" ? ENTRY : undefined),
    load: (id) => (id === ENTRY ? contents : undefined),
  };
}

interface Chunk {
  type: "chunk";
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  modules: Record<string, unknown>;
}

/**
 * Builds `contents` as an app's entry with Vite (browser conditions, minified, ES modules, Rollup's code
 * splitting at each dynamic `import()`), and measures the initial chunk (gzip -9). Deterministic.
 */
export async function measureSplitBundle(name: string, contents: string): Promise<SplitMeasure> {
  const result = await build({
    root: benchDirectory,
    configFile: false,
    logLevel: "silent",
    plugins: [entryPlugin(contents)],
    build: {
      write: false,
      minify: "esbuild",
      target: "es2022",
      modulePreload: { polyfill: false },
      rollupOptions: { input: "bench-entry", output: { format: "es" }, preserveEntrySignatures: false },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap(
    (item) => (item as { output: (Chunk | { type: "asset" })[] }).output,
  );
  const chunks = outputs.filter((item): item is Chunk => item.type === "chunk");
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (chunk: Chunk): void => {
    if (initial.has(chunk.fileName)) return;
    initial.add(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = byName.get(imported);
      if (next) visit(next);
    }
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const gzip = (code: string) => gzipSync(Buffer.from(code), { level: 9 }).byteLength;
  const measured = chunks.map((chunk) => ({
    fileName: chunk.fileName,
    initial: initial.has(chunk.fileName),
    gzipBytes: gzip(chunk.code),
    minifiedBytes: Buffer.byteLength(chunk.code),
    modules: Object.keys(chunk.modules).map((module) => module.replace(/.*\/packages\//, "")),
  }));
  const initialChunks = measured.filter((chunk) => chunk.initial);
  return {
    name,
    // Chunks load as separate files: each is gzipped on its own.
    initialGzipBytes: initialChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    initialMinifiedBytes: initialChunks.reduce((sum, chunk) => sum + chunk.minifiedBytes, 0),
    totalGzipBytes: measured.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    chunks: measured.map(({ minifiedBytes: _minified, ...chunk }) => chunk),
  };
}
