#!/usr/bin/env node
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const [first, ...rest] = process.argv.slice(2);

// `infer --version` answers before any module is loaded; everything else builds the program.
if ((first === "--version" || first === "-V") && rest.length === 0) process.stdout.write(`${version}\n`);
else await (await import("./program.js")).run(version);
