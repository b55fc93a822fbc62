import { defineConfig } from "vitest/config";

// The defaults every package's tests run with. CI runs on 2 cores while turbo tests several packages at once,
// so vitest's 5 s default fails healthy tests there (a stream read byte by byte, a process spawned, ts-morph
// loaded). A minute still fails a test that hangs; timing assertions carry margins of their own.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
