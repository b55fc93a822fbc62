import { defineConfig } from "vitest/config";

// The demo test runs real models for up to a minute: the CLI's subprocess tests must not share the CPU with
// it (no file parallelism), and on a loaded 2-core CI machine a spawned CLI needs generous timeouts.
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
