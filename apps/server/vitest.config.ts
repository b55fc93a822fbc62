import { defineConfig } from "vitest/config";

// Real models on a shared 2-core machine: OCR, detection and speech recognition take seconds, so generous
// timeouts, and one test file at a time so this package uses one core while other packages test too.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
