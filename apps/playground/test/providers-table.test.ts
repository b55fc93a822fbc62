// The page's table of providers (src/providers.ts) says which tasks each provider package serves without
// loading it; this checks it against the packages themselves, and that it offers every provider package.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isProvider } from "@infer/core/task-kit";
import { describe, expect, it } from "vitest";
import { AUTO, DEFAULT_PROVIDER, PROVIDER_PACKAGES, providersFor, providersNeeded } from "../src/providers.js";
import { TASKS } from "../src/tasks.js";

const packagesDirectory = fileURLToPath(new URL("../../../packages/", import.meta.url));
const providerPackages = readdirSync(packagesDirectory)
  .filter((folder) => folder.startsWith("provider-") && existsSync(`${packagesDirectory}${folder}/package.json`))
  .map(
    (folder) =>
      (JSON.parse(readFileSync(`${packagesDirectory}${folder}/package.json`, "utf8")) as { name: string }).name,
  )
  .sort();

describe("the playground's providers", () => {
  it("offers every provider package of the repository", () => {
    expect(providerPackages.length).toBeGreaterThan(10);
    expect(PROVIDER_PACKAGES.map((spec) => spec.packageName).sort()).toEqual(providerPackages);
  });

  for (const spec of PROVIDER_PACKAGES) {
    it(`${spec.packageName}: named ${spec.name}, exported as ${spec.exportName}, serving what the page says`, async () => {
      const exported = ((await import(spec.packageName)) as Record<string, unknown>)[spec.exportName];
      expect(isProvider(exported)).toBe(true);
      const loaded = await spec.load();
      expect(loaded).toBe(exported);
      expect(loaded.providerName).toBe(spec.name);
      expect(Object.keys(loaded.tasks).sort()).toEqual([...spec.tasks].sort());
    });
  }

  it("serves only tasks the page has, and names the packages a call needs", () => {
    const ids = new Set(TASKS.map((task) => task.id));
    for (const spec of PROVIDER_PACKAGES) for (const task of spec.tasks) expect(ids.has(task), task).toBe(true);
    expect(providersNeeded("text-to-image", DEFAULT_PROVIDER)).toEqual([]);
    expect(providersNeeded("text-to-image", "fal-ai").map((spec) => spec.name)).toEqual(["fal-ai"]);
    // "auto" outside chat: every provider serving the task, so the mapping can pick any of them.
    expect(providersNeeded("text-to-image", AUTO)).toEqual(providersFor("text-to-image"));
    expect(providersFor("text-to-image").map((spec) => spec.name)).toEqual(
      expect.arrayContaining(["fal-ai", "replicate", "black-forest-labs", "together"]),
    );
    // "auto" for chat: the router picks, no package needed.
    expect(providersNeeded("chat-completion", AUTO)).toEqual([]);
    expect(providersFor("text-classification")).toEqual([]);
  });
});
