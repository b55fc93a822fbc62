// Writes src/version.ts of the package in the current directory from its package.json, so the version a
// build carries (core's User-Agent) is the one changesets bumped, never a copy typed by hand. Run by the
// package's build and typecheck scripts; the file is generated and not in git.
import { readFileSync, writeFileSync } from "node:fs";

const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
const source = `// Generated from package.json by scripts/write-version.mjs at build time: do not edit, not in git.\n\n/** The version of ${name}, sent in the User-Agent. */\nexport const VERSION = ${JSON.stringify(version)};\n`;
let current = "";
try {
  current = readFileSync("src/version.ts", "utf8");
} catch {}
// Rewriting an unchanged file would only bust caches and wake watchers.
if (current !== source) writeFileSync("src/version.ts", source);
