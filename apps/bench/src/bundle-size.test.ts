import { afterAll, describe, expect, it } from "vitest";
import {
  allTasksEntry,
  inferenceBuilt,
  inferenceClientEntry,
  measureBundle,
  taskEntry,
  taskPackages,
  type BundleMeasure,
} from "./bundle/bundle.js";
import {
  ALL_TASKS_BUDGET_BYTES,
  CORE_BUDGET_BYTES,
  GOAL_ALL_TASKS_BYTES,
  GOAL_ONE_TASK_BYTES,
  INFERENCE_CLIENT_BUDGET_BYTES,
  taskIncrementBudget,
  VITE_INITIAL_BUDGET_BYTES,
} from "./bundle/budgets.js";
import { measureSplitBundle } from "./bundle/vite.js";
import { bundleTable, compositionTable } from "./bundle/report.js";

const tasks = taskPackages();
const built = tasks.filter((task) => task.built);
const measured: { measure: BundleMeasure; budget: number | undefined }[] = [];
let coreAlone: BundleMeasure | undefined;

function overBudget(measure: BundleMeasure, budget: number): string {
  return `${measure.name} is ${measure.gzipBytes} B gzipped, over its ${budget} B budget. What it is made of:\n${compositionTable(measure, 8)}`;
}

afterAll(() => {
  const skipped = tasks.filter((task) => !task.built).map((task) => task.packageName);
  console.log(
    [
      "Browser bundles (esbuild, minified, tree-shaken, gzip -9):",
      bundleTable(coreAlone ? [{ measure: coreAlone, budget: undefined }, ...measured] : measured, coreAlone),
      skipped.length > 0 ? `Not built yet, not measured: ${skipped.join(", ")}` : "",
      `Goals of issue 6: one task ≤ ${GOAL_ONE_TASK_BYTES} B in all, every task ≤ ${GOAL_ALL_TASKS_BYTES} B (see src/bundle/budgets.ts).`,
    ].join("\n"),
  );
});

describe("@infer/bench", () => {
  describe("bundle sizes", () => {
    it(`bundles core's browser entry over fetch in ≤ ${CORE_BUDGET_BYTES} B gzipped, without undici or node built-ins`, async () => {
      coreAlone = await measureBundle(
        "createClient() alone",
        `import { createClient } from "@infer/core";\ncreateClient();`,
      );
      expect(coreAlone.undiciInputs).toEqual([]);
      expect(coreAlone.inputs.some((input) => input.path.endsWith("fetch-transport.js"))).toBe(true);
      expect(coreAlone.inputs.some((input) => /node:|follow-redirects|node-platform/.test(input.path))).toBe(false);
      expect(coreAlone.gzipBytes, overBudget(coreAlone, CORE_BUDGET_BYTES)).toBeLessThanOrEqual(CORE_BUDGET_BYTES);
    });

    it("finds the task packages", () => {
      expect(tasks.length).toBeGreaterThan(0);
      expect(built.map((task) => task.packageName)).toContain("@infer/task-text-classification");
    });

    for (const task of tasks) {
      const budget = taskIncrementBudget(task.packageName);
      it.skipIf(!task.built)(
        `bundles ${task.exportName} alone with createClient, adding ≤ ${budget} B gzipped, without undici`,
        async () => {
          const measure = await measureBundle(task.packageName, taskEntry(task));
          const floor =
            coreAlone ??
            (await measureBundle(
              "createClient() alone",
              `import { createClient } from "@infer/core";\ncreateClient();`,
            ));
          measured.push({ measure, budget: floor.gzipBytes + budget });
          expect(measure.undiciInputs).toEqual([]);
          const increment = measure.gzipBytes - floor.gzipBytes;
          expect(increment, overBudget(measure, floor.gzipBytes + budget)).toBeLessThanOrEqual(budget);
        },
      );
    }

    it(`bundles every built task on one client in ≤ ${ALL_TASKS_BUDGET_BYTES} B gzipped, without undici`, async () => {
      const measure = await measureBundle(
        `every built task (${built.length}) with createClient().with(…)`,
        allTasksEntry(built),
      );
      measured.push({ measure, budget: ALL_TASKS_BUDGET_BYTES });
      expect(measure.undiciInputs).toEqual([]);
      expect(measure.gzipBytes, overBudget(measure, ALL_TASKS_BUDGET_BYTES)).toBeLessThanOrEqual(
        ALL_TASKS_BUDGET_BYTES,
      );
    });

    it(`builds a one-task app with Vite to an initial chunk of ≤ ${VITE_INITIAL_BUDGET_BYTES} B gzipped, the failure path, binary inputs and the Hub look-up in lazy chunks`, async () => {
      const task = built.find((candidate) => candidate.packageName === "@infer/task-text-classification");
      expect(task).toBeDefined();
      const measure = await measureSplitBundle("Vite: textClassification app", taskEntry(task!));
      const initial = measure.chunks.filter((chunk) => chunk.initial).flatMap((chunk) => chunk.modules);
      const lazy = measure.chunks.filter((chunk) => !chunk.initial).flatMap((chunk) => chunk.modules);
      for (const module of ["core/dist/retry.js", "core/dist/binary.js", "core/dist/hub/recommended-model.js"]) {
        expect(initial).not.toContain(module);
        expect(lazy).toContain(module);
      }
      expect(measure.initialGzipBytes, JSON.stringify(measure.chunks, null, 1)).toBeLessThanOrEqual(
        VITE_INITIAL_BUDGET_BYTES,
      );
    }, 60_000);

    it.skipIf(!inferenceBuilt())(
      `bundles the whole InferenceClient (every task and provider) in ≤ ${INFERENCE_CLIENT_BUDGET_BYTES} B gzipped, without undici`,
      async () => {
        const measure = await measureBundle("@infer/inference InferenceClient", inferenceClientEntry);
        measured.push({ measure, budget: INFERENCE_CLIENT_BUDGET_BYTES });
        expect(measure.undiciInputs).toEqual([]);
        expect(measure.gzipBytes, overBudget(measure, INFERENCE_CLIENT_BUDGET_BYTES)).toBeLessThanOrEqual(
          INFERENCE_CLIENT_BUDGET_BYTES,
        );
      },
    );
  });
});
