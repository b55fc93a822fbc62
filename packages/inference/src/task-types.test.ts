import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { FillMaskOutput, TextGenerationStreamEvent } from "./index.js";

const packages = new URL("../../", import.meta.url);

/** The type names an index file exports with `export type { … } from "<from>"`, except those from `skip`. */
function exportedTypes(file: URL, skip: string): string[] {
  const source = readFileSync(file, "utf8");
  const names: string[] = [];
  for (const match of source.matchAll(/export type \{([^}]*)\} from "([^"]+)"/g)) {
    if (match[2] === skip) continue;
    names.push(...(match[1] ?? "").split(",").map((name) => name.trim()).filter(Boolean));
  }
  return names.sort();
}

describe("@infer/inference", () => {
  describe("task types", () => {
    it("re-exports every public type of every task package", () => {
      const reexported = new Set(exportedTypes(new URL("inference/src/task-types.ts", packages), ""));
      const tasks = readdirSync(packages).filter((name) => name.startsWith("task-"));
      expect(tasks.length).toBeGreaterThanOrEqual(27);
      for (const task of tasks) {
        const own = exportedTypes(new URL(`${task}/src/index.ts`, packages), "@infer/core");
        expect(own.length, task).toBeGreaterThan(0);
        expect(own.filter((name) => !reexported.has(name)), task).toEqual([]);
      }
    });

    it("are the task packages' own types", () => {
      expectTypeOf<FillMaskOutput[number]["token_str"]>().toEqualTypeOf<string>();
      expectTypeOf<TextGenerationStreamEvent>().not.toBeAny();
    });
  });
});
