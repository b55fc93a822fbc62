import { describe, expect, it } from "vitest";
import { PROVIDER_BUNDLE_BUDGET_BYTES } from "./bundle/budgets.js";
import { measureBundle, providerInputs, taskEntry, taskPackages, taskWithProviderEntry } from "./bundle/bundle.js";

const textToImage = taskPackages().find((task) => task.packageName === "@infer/task-text-to-image");

describe("@infer/bench", () => {
  describe("provider bundle sizes", () => {
    it.skipIf(!textToImage?.built)(
      `bundles textToImage with together in ≤ ${PROVIDER_BUNDLE_BUDGET_BYTES} B gzipped, with no other provider`,
      async () => {
        const measure = await measureBundle(
          "textToImage + together",
          taskWithProviderEntry(textToImage!, "@infer/provider-together", "together"),
        );
        console.log(`textToImage + together: ${measure.gzipBytes} B gzipped (${measure.minifiedBytes} B minified)`);
        const { packages, layer } = providerInputs(measure);
        expect(packages).toEqual(["together"]);
        expect(layer.some((path) => path.endsWith("providers/route.js"))).toBe(true);
        expect(measure.undiciInputs).toEqual([]);
        expect(measure.gzipBytes).toBeLessThanOrEqual(PROVIDER_BUNDLE_BUDGET_BYTES);
      },
    );

    it.skipIf(!textToImage?.built)("leaves the provider layer out of a task bundle without a provider", async () => {
      const measure = await measureBundle("textToImage alone", taskEntry(textToImage!));
      const { packages, layer } = providerInputs(measure);
      expect(packages).toEqual([]);
      expect(layer).toEqual([]);
    });

    it.skipIf(!textToImage?.built)(
      "bundles fal-ai's adapters without together's or the OpenAI-compatible helpers",
      async () => {
        const measure = await measureBundle(
          "textToImage + fal-ai",
          taskWithProviderEntry(textToImage!, "@infer/provider-fal-ai", "fal-ai"),
        );
        const { packages, layer } = providerInputs(measure);
        expect(packages).toEqual(["fal-ai"]);
        expect(layer.some((path) => path.endsWith("openai-compatible.js"))).toBe(false);
      },
    );
  });
});
