import { defineConfig } from "vitest/config";

// CI runs on 2 cores while turbo tests several packages at once: tests here spawn processes, load ts-morph or
// bundle with esbuild, so they get timeouts that fit a loaded machine. Timing assertions carry their own margins.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
