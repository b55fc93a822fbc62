import { defineConfig } from "vitest/config";

// Real models on a shared 2-core machine: OCR, detection and speech recognition take seconds, so generous
// timeouts (300 s: PocketSphinx passed 120 s at a load average of 40-80 beside the CLI demo), and one test file at a time so this package uses one core while other packages test too.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
