// Every workspace package with a `test` script takes the shared vitest defaults (vitest.shared.ts) or sets its own
// testTimeout: without either it falls back to vitest's 5 s default, which fails healthy tests on a loaded 2-core
// CI machine (22 provider packages, batch and queue once did). Run by `npm run lint`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const missing = [];
for (const root of ["packages", "apps"]) {
  for (const name of readdirSync(root)) {
    const directory = join(root, name);
    const manifest = join(directory, "package.json");
    if (!existsSync(manifest)) continue;
    if (!JSON.parse(readFileSync(manifest, "utf8")).scripts?.test) continue;
    const config = join(directory, "vitest.config.ts");
    if (!existsSync(config) || !/vitest\.shared|testTimeout/.test(readFileSync(config, "utf8")))
      missing.push(directory);
  }
}
if (missing.length > 0) {
  console.error(`these packages test without the shared vitest config (vitest.shared.ts):\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
