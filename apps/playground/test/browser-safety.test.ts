// Every published package, bundled for the browser, a worker and an edge runtime as a user's bundler would
// (its `browser`/`worker`/`edge-light` export conditions), must pull in no Node built-in and no undici.
import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { PROVIDER_PACKAGES } from "../src/providers.js";

const packagesDirectory = fileURLToPath(new URL("../../../packages/", import.meta.url));
const playgroundDirectory = fileURLToPath(new URL("../", import.meta.url));
/**
 * Node-only by design: the migration codemod rewrites files on disk; bulk jobs read and write files and
 * checkpoints (@infer/batch) or talk to Redis through BullMQ (@infer/queue).
 */
const NODE_ONLY = new Set(["@infer/codemod", "@infer/batch", "@infer/queue"]);
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const manifest = JSON.parse(readFileSync(`${playgroundDirectory}package.json`, "utf8")) as {
  devDependencies: Record<string, string>;
};
const published = readdirSync(packagesDirectory)
  .filter((folder) => existsSync(`${packagesDirectory}${folder}/package.json`))
  .map(
    (folder) =>
      JSON.parse(readFileSync(`${packagesDirectory}${folder}/package.json`, "utf8")) as {
        name: string;
        private?: boolean;
      },
  )
  .filter((pkg) => !pkg.private && !NODE_ONLY.has(pkg.name))
  .map((pkg) => pkg.name)
  .sort();

/** Notes every import of a Node built-in or undici (kept external, so the bundle still builds) and who made it. */
function forbiddenImports(found: string[]): Plugin {
  return {
    name: "forbidden-imports",
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (arguments_) => {
        const bare = arguments_.path;
        if (
          NODE_BUILTINS.has(bare) ||
          NODE_BUILTINS.has(bare.split("/")[0]!) ||
          bare === "undici" ||
          bare.startsWith("undici/")
        ) {
          found.push(`${bare} (imported by ${arguments_.importer.replace(/^.*\/(packages|node_modules)\//, "$1/")})`);
          return { path: bare, external: true };
        }
        return undefined;
      });
    },
  };
}

const RUNTIMES = [
  { name: "browser", platform: "browser" as const, conditions: ["browser"] },
  { name: "worker", platform: "neutral" as const, conditions: ["worker"] },
  { name: "edge-light", platform: "neutral" as const, conditions: ["edge-light"] },
];

describe("browser safety", () => {
  it("finds the published packages, and every one of them is a dependency here (so it is built before this test)", () => {
    expect(published).toContain("@infer/core");
    expect(published).toContain("@infer/inference");
    expect(published.filter((name) => name.startsWith("@infer/task-")).length).toBeGreaterThan(20);
    // Every provider package, those the playground loads among them.
    expect(published.filter((name) => name.startsWith("@infer/provider-"))).toEqual(
      PROVIDER_PACKAGES.map((spec) => spec.packageName).sort(),
    );
    const missing = published.filter((name) => !(name in manifest.devDependencies));
    expect(missing, `add ${missing.join(", ")} to apps/playground's devDependencies ("workspace:^")`).toEqual([]);
  });

  it("catches a Node import: core's default (Node) entry names undici and node: built-ins", async () => {
    const found = await bundle("@infer/core", { name: "node", platform: "neutral", conditions: [] });
    expect(found.some((entry) => entry.startsWith("undici"))).toBe(true);
    expect(found.some((entry) => entry.startsWith("node:"))).toBe(true);
  });

  for (const packageName of published) {
    it(`bundles ${packageName} for browsers, workers and edge runtimes without Node built-ins or undici`, async () => {
      for (const runtime of RUNTIMES)
        expect(await bundle(packageName, runtime), `${packageName} for ${runtime.name}`).toEqual([]);
    });
  }
});

/** Bundles the package's whole API for a runtime; returns the forbidden imports it made. */
async function bundle(
  packageName: string,
  runtime: { name: string; platform: "browser" | "neutral"; conditions: string[] },
): Promise<string[]> {
  const found: string[] = [];
  const result = await build({
    stdin: { contents: `export * from "${packageName}";`, resolveDir: playgroundDirectory, loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: runtime.platform,
    conditions: runtime.conditions,
    mainFields: ["browser", "module", "main"],
    metafile: true,
    logLevel: "silent",
    plugins: [forbiddenImports(found)],
  });
  expect(result.outputFiles[0]!.text.length).toBeGreaterThan(0);
  // Core's Node-only modules must not be there either, even when they import nothing forbidden themselves.
  found.push(
    ...Object.keys(result.metafile.inputs).filter((path) =>
      /node-platform|undici-transport|node-connection-failure|follow-redirects/.test(path),
    ),
  );
  return found;
}
