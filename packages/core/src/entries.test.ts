import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import * as browser from "./browser.js";
import * as node from "./index.js";
import * as kit from "./task-kit-entry.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const script = fileURLToPath(new URL("./__fixtures__/entries-agree.mjs", import.meta.url));

/** Runs the fixture against the built package through its own `exports`, with extra conditions. */
async function agreement(conditions: string[]): Promise<Record<string, boolean>> {
  const { stdout } = await run(process.execPath, [...conditions.map((c) => `--conditions=${c}`), script], {
    cwd: packageDir,
  });
  return JSON.parse(stdout.trim()) as Record<string, boolean>;
}

const AGREED = { input: true, output: true, validation: true, provider: true, method: true, version: true };

describe("@infer/core and @infer/core/task-kit", () => {
  it("share classes, symbols and state in Node (one bundle, one chunk)", async () => {
    expect(await agreement([])).toEqual(AGREED);
  });

  for (const condition of ["browser", "worker", "edge-light"]) {
    it(`share them under the ${condition} condition`, async () => {
      expect(await agreement([condition])).toEqual(AGREED);
    });
  }

  it("split the surface: the user API in one, the toolkit in the other", () => {
    expect(Object.keys(node)).toContain("createClient");
    expect(Object.keys(node)).not.toContain("defineTask");
    expect(Object.keys(node)).not.toContain("encodeParameters");
    expect(Object.keys(kit)).toContain("defineTask");
    expect(Object.keys(kit)).not.toContain("createClient");
  });

  it("give browsers the user API of Node but for Node's transport and saveBlob", () => {
    const nodeOnly = ["createUndiciTransport", "saveBlob"];
    expect(Object.keys(browser).sort()).toEqual(
      Object.keys(node)
        .filter((name) => !nodeOnly.includes(name))
        .sort(),
    );
  });
});
