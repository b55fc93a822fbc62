#!/usr/bin/env node
// `pnpm new-task <name>` (or `npm run new-task -- <name>`): adds a task package and wires it into the seven
// places a task touches. <name> is the wire name in kebab-case, e.g. `text-ranking`.
//   1. packages/task-<name>/        package.json, tsconfigs, vitest.config.ts (the shared defaults), README,
//                                   src/index.ts, src/<name>.ts, src/<name>.test.ts
//   2. .changeset/task-<name>.md    the new package's first release (and @infer/inference's new method)
//   3. packages/inference/package.json              the dependency
//   4. packages/inference/src/inference-client.ts   the import and the `allTasks` entry (the method)
//   5. packages/inference/src/index.ts              the re-export of the task's public types
//   6. packages/inference/src/inference-client.test.ts  the method in the list every client must have
//   7. apps/bench/package.json                      the dependency, so the bundle budget covers the task
// Then run `npx --yes pnpm@10.34.9 install` (the lockfile) and fill in the request mapping and the tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const dryRun = args.includes("--dry-run");
const name = args.find((arg) => !arg.startsWith("--"));

function fail(message) {
  console.error(`new-task: ${message}`);
  process.exit(1);
}

if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  fail("usage: pnpm new-task <kebab-case-task-name> [--dry-run], e.g. pnpm new-task text-ranking");
}
const method = name.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase());
const Type = method[0].toUpperCase() + method.slice(1);
const packageName = `@infer/task-${name}`;
const directory = join(root, "packages", `task-${name}`);
if (existsSync(directory)) fail(`packages/task-${name} exists already`);

const read = (path) => readFileSync(join(root, path), "utf8");
const writes = [];
const write = (path, text) => writes.push([path, text]);

/** Adds the new package to a manifest's dependencies (`workspace:^`): sorted, or after the last task package. */
function addDependency(path, section, sorted) {
  const manifest = JSON.parse(read(path));
  if (!manifest[section]) fail(`${path} has no ${section}`);
  const entries = Object.entries(manifest[section]);
  if (sorted) {
    entries.push([packageName, "workspace:^"]);
    entries.sort(([a], [b]) => (a < b ? -1 : 1));
  } else {
    const lastTask = entries.findLastIndex(([dependency]) => dependency.startsWith("@infer/task-"));
    entries.splice(lastTask + 1, 0, [packageName, "workspace:^"]);
  }
  manifest[section] = Object.fromEntries(entries);
  write(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

// 1. the package
const template = JSON.parse(read("packages/task-fill-mask/package.json"));
const manifest = {
  ...template,
  name: packageName,
  version: "0.0.0",
  description: `The ${name} task for @infer: ${method}().`,
};
write(`packages/task-${name}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ["tsconfig.json", "tsconfig.build.json", "vitest.config.ts"]) {
  write(`packages/task-${name}/${file}`, read(`packages/task-fill-mask/${file}`));
}
write(
  `packages/task-${name}/README.md`,
  `# ${packageName}

\`${method}(client, text, options?)\`: TODO one line on what the task does. Request \`{"inputs": text}\`; the
server answers TODO; you get TODO.

\`\`\`ts
import { createClient } from "@infer/core";
import { ${method} } from "${packageName}";

const client = createClient({ token: process.env.HF_TOKEN });
const output = await ${method}(client, "…", { model: "TODO/model" });

// or as a method:
await client.with(${method}).${method}("…");
\`\`\`

Options: \`model\`, \`signal\`, \`timeout\`, \`headers\`. Errors: \`InferenceInputError\` (text not a non-empty string),
\`InferenceHTTPError\`, \`InferenceOutputError\` (an answer of another shape, \`body\` attached).
`,
);
write(
  `packages/task-${name}/src/index.ts`,
  `export { ${method} } from "./${name}.js";
export type { ${Type}Options, ${Type}Output } from "./${name}.js";
`,
);
write(
  `packages/task-${name}/src/${name}.ts`,
  `import type { InferenceCore, RequestOptions } from "@infer/core";
// Types and errors from @infer/core; the task-author helpers from its task-kit subpath.
import { defineTask, expectOutput, requireString, splitOptions } from "@infer/core/task-kit";

/** Options of \`${method}()\`: the request options only, until the task takes parameters. */
export type ${Type}Options = RequestOptions;

/** TODO: what the server answers, typed. */
export type ${Type}Output = unknown[];

/** TODO: check the fields the task reads, no more. */
function is${Type}Output(value: unknown): value is ${Type}Output {
  return Array.isArray(value);
}

/**
 * TODO: what the task does.
 * @example
 * const output = await ${method}(createClient(), "…", { model: "TODO/model" });
 */
export const ${method} = defineTask(
  { taskName: "${name}", methodName: "${method}" },
  async (client: InferenceCore, text: string, options?: ${Type}Options): Promise<${Type}Output> => {
    requireString(text, "text");
    const { request } = splitOptions(options);
    const response = await client.post({ task: "${name}", json: { inputs: text } }, request);
    const body = await response.json();
    return expectOutput(body, is${Type}Output, "${name}", "[…]");
  },
);
`,
);
write(
  `packages/task-${name}/src/${name}.test.ts`,
  `import { createClient, InferenceOutputError } from "@infer/core";
import { expectTaskIdentity, useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { ${method} } from "./index.js";

// TODO: answer with a recorded response (tapeJson from @infer/testing) instead of this made-up one.
const answer = [{ label: "TODO", score: 1 }];
const server = useTaskServer({ json: answer });
const client = () => createClient(server.clientOptions());

describe("${packageName}", () => {
  describe("${method}", () => {
    it("carries its identity", () => {
      expectTaskIdentity(${method}, "${name}", "${method}");
    });

    it("sends {inputs} as JSON to /models/{model} and returns the answer", async () => {
      const output = await ${method}(client(), "some text", { model: "some/model" });
      const request = server.last();
      expect(request.url).toBe("/models/some/model");
      expect(request.json()).toEqual({ inputs: "some text" });
      expect(output).toEqual(answer);
    });

    it("rejects a text that is not a string before sending anything", async () => {
      await server.expectInputError(() => ${method}(client(), 42 as unknown as string, { model: "some/model" }), "text");
    });

    it("rejects an answer of another shape with InferenceOutputError", async () => {
      server.answerNext({ json: { unexpected: true } });
      await expect(${method}(client(), "some text", { model: "some/model" })).rejects.toBeInstanceOf(InferenceOutputError);
    });
  });
});
`,
);

// 2. the changeset
write(
  `.changeset/task-${name}.md`,
  `---
"${packageName}": minor
"@infer/inference": minor
---

New task package ${packageName}: \`${method}()\`, also a method of \`InferenceClient\`.
`,
);

// 3. and 7. the dependencies
addDependency("packages/inference/package.json", "dependencies", false);
addDependency("apps/bench/package.json", "dependencies", true);

// 4. the client: the import after the last task import, the task at the end of allTasks
let client = read("packages/inference/src/inference-client.ts");
const imports = [...client.matchAll(/^import \{ \w+ \} from "@infer\/task-[a-z0-9-]+";\n/gm)];
const lastImport = imports.at(-1);
if (!lastImport || !client.includes("\n] as const;")) fail("inference-client.ts does not have the expected shape");
const at = lastImport.index + lastImport[0].length;
client = `${client.slice(0, at)}import { ${method} } from "${packageName}";\n${client.slice(at)}`;
// Chat completion stays last, as the list's comment says.
client = client.replace(
  /\n( {2}chatCompletion,\n)?\] as const;/,
  (_end, chat) => `\n  ${method},\n${chat ?? ""}] as const;`,
);
write("packages/inference/src/inference-client.ts", client);

// 5. the types
write(
  "packages/inference/src/index.ts",
  `${read("packages/inference/src/index.ts")}export type { ${Type}Options, ${Type}Output } from "${packageName}";\n`,
);

// 6. the method list of the client test
const clientTest = read("packages/inference/src/inference-client.test.ts");
if (!clientTest.includes("\n] as const;")) fail("inference-client.test.ts does not have the expected method list");
write(
  "packages/inference/src/inference-client.test.ts",
  clientTest.replace(
    /\n( {2}"chatCompletion",\n)?\] as const;/,
    (_end, chat) => `\n  "${method}",\n${chat ?? ""}] as const;`,
  ),
);

for (const [path, text] of writes) {
  if (dryRun) {
    console.log(`would write ${path}`);
    continue;
  }
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
if (!dryRun) {
  // The templates above are close to the house style; the formatter makes them exact.
  const biome = join(root, "node_modules/.bin/biome");
  if (existsSync(biome))
    spawnSync(biome, ["format", "--write", `packages/task-${name}`], { cwd: root, stdio: "ignore" });
  console.log(`\nnext: npx --yes pnpm@10.34.9 install, then fill in the TODOs of packages/task-${name}, then
  npx --yes pnpm@10.34.9 exec turbo run build --filter=@infer/inference && (cd packages/task-${name} && npx vitest run)`);
}
