import { defineConfig } from "vitest/config";

// Real models on a shared 2-core machine: OCR and detection take seconds, so generous timeouts.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
