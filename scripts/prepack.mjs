// prepack of every public package: builds the package and the workspace packages it depends on (turbo, so an
// up-to-date build is a cache hit) before npm or pnpm packs it — a clean clone never packs an empty dist.
// Turbo needs pnpm on PATH; `pnpm pack` and `npm test` provide it, a bare `npm pack` goes through npx.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const { name } = JSON.parse(readFileSync("package.json", "utf8"));
const root = fileURLToPath(new URL("..", import.meta.url));
const turboArgs = ["run", "build", `--filter=${name}`, "--output-logs=errors-only"];
const options = {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
};
const hasPnpm = spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0;
const result = hasPnpm
  ? spawnSync(fileURLToPath(new URL("../node_modules/.bin/turbo", import.meta.url)), turboArgs, options)
  : spawnSync("npx", ["--yes", "pnpm@10.34.9", "exec", "turbo", ...turboArgs], options);
if (result.status !== 0) {
  console.error(`prepack: building ${name} failed`);
  process.exit(result.status ?? 1);
}
