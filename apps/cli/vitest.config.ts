import { defineConfig } from "vitest/config";

// Every test spawns the built CLI (Node start-up, sometimes ts-morph): on a loaded 2-core machine that can take
// tens of seconds (28 s seen with a load average of 65), so the timeouts are generous; they still fail a test that hangs.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
