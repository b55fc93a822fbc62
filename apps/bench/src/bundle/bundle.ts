import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

/** apps/bench, whether this runs from src/ (vitest) or dist/ (node). */
export const benchDirectory = fileURLToPath(new URL("../../", import.meta.url));

/** A bundle's sizes and what went into it. */
export interface BundleMeasure {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Each input module (path relative to apps/bench) and the minified bytes it contributed, largest first. */
  inputs: { path: string; bytes: number }[];
  /** Input modules whose path names undici (the package, or core's undici transport). */
  undiciInputs: string[];
}

/** A task package this app depends on, and whether it has been built. */
export interface TaskPackage {
  packageName: string;
  /** The task function it exports, e.g. `textClassification` for `@infer/task-text-classification`. */
  exportName: string;
  built: boolean;
}

/** `@infer/task-text-to-image` → `textToImage`. */
export function taskExportName(packageName: string): string {
  return packageName
    .replace(/^@infer\/task-/, "")
    .replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function isBuilt(packageName: string): boolean {
  return existsSync(`${benchDirectory}node_modules/${packageName}/dist/index.js`);
}

/** Every `@infer/task-*` in this app's dependencies, sorted by name. */
export function taskPackages(): TaskPackage[] {
  const manifest = JSON.parse(readFileSync(`${benchDirectory}package.json`, "utf8")) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(manifest.dependencies)
    .filter((name) => name.startsWith("@infer/task-"))
    .sort()
    .map((packageName) => ({ packageName, exportName: taskExportName(packageName), built: isBuilt(packageName) }));
}

/** Whether `@infer/inference` (the whole InferenceClient) has been built. */
export function inferenceBuilt(): boolean {
  return isBuilt("@infer/inference");
}

/** The entry for one task alone: `createClient` and one call of the task. */
export function taskEntry(task: TaskPackage): string {
  return [
    `import { createClient } from "@infer/core";`,
    `import { ${task.exportName} } from "${task.packageName}";`,
    `${task.exportName}(createClient(), "input");`,
  ].join("\n");
}

/** The entry for every given task on one client, through `with()`. */
export function allTasksEntry(tasks: readonly TaskPackage[]): string {
  return [
    `import { createClient } from "@infer/core";`,
    ...tasks.map((task) => `import { ${task.exportName} } from "${task.packageName}";`),
    `export const client = createClient().with(${tasks.map((task) => task.exportName).join(", ")});`,
  ].join("\n");
}

/** The entry for the whole `InferenceClient`. */
export const inferenceClientEntry = [
  `import { InferenceClient } from "@infer/inference";`,
  `new InferenceClient().textClassification("input");`,
].join("\n");

/** The peer's one task, for comparison. */
export const peerTaskEntry = [
  `import { textClassification } from "@huggingface/inference";`,
  `textClassification({ inputs: "input", model: "distilbert-base-uncased-finetuned-sst-2-english" });`,
].join("\n");

/** The names a compiled module exports (`export function|class|const …` and `export { … }` without `from`). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export (?:async )?(?:function\*?|class|const|let|var) ([A-Za-z_$][\w$]*)/gm))
    names.add(match[1] as string);
  for (const match of source.matchAll(/^export \{([^}]*)\}(?! from)/gm)) {
    for (const part of (match[1] as string).split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** Replaces every module whose path `matches` by one exporting the same names as `undefined`. */
function stubPlugin(matches: (path: string) => boolean): Plugin {
  return {
    name: "stub-modules",
    setup(builder) {
      builder.onLoad({ filter: /\.js$/ }, (arguments_) => {
        if (!matches(arguments_.path)) return undefined;
        const source = readFileSync(arguments_.path, "utf8");
        // Re-exports carry no code of their own: keep them, so the modules behind them still resolve.
        const reexports = source.match(/^export (?:\*|\{[^}]*\}) from .*$/gm) ?? [];
        const stubs = exportedNames(source).map((name) => `export const ${name} = void 0;`);
        return { contents: [...reexports, ...stubs].join("\n"), loader: "js", resolveDir: dirname(arguments_.path) };
      });
    },
  };
}

/**
 * Bundles `contents` for the browser as a user's bundler would (esbuild, the "browser" export condition,
 * minified, tree-shaken, ESM), then gzips it at level 9. Deterministic for the same inputs. `stub` drops
 * the code of the modules it matches (for measuring what they cost).
 */
export async function measureBundle(
  name: string,
  contents: string,
  stub?: (path: string) => boolean,
): Promise<BundleMeasure> {
  const result = await build({
    plugins: stub ? [stubPlugin(stub)] : [],
    stdin: { contents, resolveDir: benchDirectory, loader: "js", sourcefile: `${name}.entry.js` },
    absWorkingDir: benchDirectory,
    bundle: true,
    platform: "browser",
    conditions: ["browser"],
    format: "esm",
    target: "es2022",
    minify: true,
    treeShaking: true,
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${name}`);
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes || left.path.localeCompare(right.path));
  return {
    name,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs,
    undiciInputs: Object.keys(result.metafile.inputs).filter((path) => /undici/i.test(path)),
  };
}

/** A provider package this app depends on, e.g. `@infer/provider-together` exporting `together`. */
export function providerExportName(packageName: string): string {
  return packageName
    .replace(/^@infer\/provider-/, "")
    .replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The entry for one task and one provider on one client, called through the provider. */
export function taskWithProviderEntry(task: TaskPackage, providerPackage: string, providerName: string): string {
  const provider = providerExportName(providerPackage);
  return [
    `import { createClient } from "@infer/core";`,
    `import { ${task.exportName} } from "${task.packageName}";`,
    `import { ${provider} } from "${providerPackage}";`,
    `createClient().with(${task.exportName}, ${provider}).${task.exportName}("input", { provider: "${providerName}" });`,
  ].join("\n");
}

/** The provider packages and core's provider layer among a bundle's inputs. */
export function providerInputs(measure: BundleMeasure): { packages: string[]; layer: string[] } {
  const packages = new Set<string>();
  const layer: string[] = [];
  for (const input of measure.inputs) {
    const match = /provider-([a-z0-9-]+)\//.exec(input.path);
    if (match) packages.add(match[1] as string);
    else if (/core\/dist\/providers\/(?!provider\.js)/.test(input.path) && input.bytes > 0) layer.push(input.path);
  }
  return { packages: [...packages].sort(), layer };
}
