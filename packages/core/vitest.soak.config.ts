import { defineConfig } from "vitest/config";

// `pnpm --filter @infer/core soak`: the long runs, kept out of `npm test`. Loopback only.
export default defineConfig({
  test: { include: ["src/**/*.soak.ts"], testTimeout: 900_000, hookTimeout: 60_000 },
});
