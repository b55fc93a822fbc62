import { defineConfig } from "vitest/config";

// Every test spawns the built CLI (Node start-up, sometimes ts-morph), and the demo test runs real models for up
// to a minute: on a loaded 2-core machine a spawn can take tens of seconds (28 s seen with a load average of 65),
// so the timeouts are generous (they still fail a test that hangs), and the demo does not share the CPU with
// the other files (no file parallelism).
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
