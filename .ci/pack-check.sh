#!/usr/bin/env bash
# Installs the packages as a stranger would: packs every public package of packages/ (pnpm pack rewrites
# workspace: ranges; their builds are brought up to date once, by turbo, before), installs the tarballs with npm into a scratch app in a
# temp dir outside the workspace, type-checks its program with `tsc --strict` and default compiler options,
# then runs it against a server on 127.0.0.1. Also checks that every shipped source map embeds its sources.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/infer-pack-check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/tarballs" "$scratch/app"

cd "$repo"
public=()
for manifest in packages/*/package.json; do
  if node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$repo/$manifest"; then
    public+=("--filter=./$(dirname "$manifest")")
  fi
done
# Every public package (apps too) must build itself before npm or pnpm packs it.
for manifest in packages/*/package.json apps/*/package.json; do
  node -e 'const m = require(process.argv[1]); if (!m.private && !m.scripts?.prepack) { console.error(`!! ${m.name} has no prepack script`); process.exit(1); }' "$repo/$manifest"
done
# One turbo run builds them all (a cache hit after npm test); each package's own prepack
# (scripts/prepack.mjs, the same turbo build filtered to it) is exercised once, on core, by npm itself.
npx --yes pnpm@10.34.9 exec turbo run build "${public[@]}" --output-logs=errors-only >/dev/null
(cd packages/core && npm pack --dry-run --loglevel=error >/dev/null 2>&1) || { echo "!! npm pack of @infer/core failed"; exit 1; }
npx --yes pnpm@10.34.9 "${public[@]}" --reporter=silent --config.ignore-scripts=true pack --pack-destination "$scratch/tarballs" >/dev/null
count=$(ls "$scratch/tarballs" | wc -l)
echo "packed $count public packages"

cd "$scratch/app"
cp "$repo/.ci/pack-check/main.ts" main.ts
printf '{ "name": "pack-check", "private": true, "type": "module" }\n' > package.json
# @types/node is what any Node app has; the rest comes from the tarballs (undici from the registry).
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "$scratch"/tarballs/*.tgz @types/node@20.19.25 >/dev/null
if grep -rl '"workspace:' node_modules/@infer/*/package.json; then echo "!! a packed manifest kept a workspace: range"; exit 1; fi
# The program imports only some packages; an older `target` rejects `#private` in any shipped declaration file.
if grep -rl --include='*.d.ts' '#private' node_modules/@infer/; then echo "!! a declaration file has #private fields"; exit 1; fi

tsc="$repo/node_modules/.bin/tsc"
echo "tsc --strict (defaults otherwise): $("$tsc" --version)"
"$tsc" --strict --noEmit main.ts
"$tsc" --strict --module nodenext --target es2022 --outDir out main.ts

node --input-type=module -e '
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
let maps = 0;
const walk = (dir) => { for (const entry of readdirSync(dir, { withFileTypes: true })) {
  const path = join(dir, entry.name);
  if (entry.isDirectory()) walk(path);
  else if (path.endsWith(".js.map")) {
    const map = JSON.parse(readFileSync(path, "utf8"));
    maps++;
    if (!Array.isArray(map.sourcesContent) || map.sourcesContent.length !== map.sources.length || map.sourcesContent.some((s) => typeof s !== "string")) {
      console.error(`!! ${path}: sources not embedded`); process.exit(1);
    }
  }
} };
walk("node_modules/@infer");
console.log(`${maps} source maps embed their sources`);
'
node out/main.js "$(node -p 'require("@infer/core/package.json").version')"
