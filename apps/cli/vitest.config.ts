import { defineConfig } from "vitest/config";

// Every test spawns the built CLI (Node start-up, sometimes ts-morph): on a loaded 2-core machine that takes
// seconds, so the timeouts are generous; they still fail a test that hangs.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
