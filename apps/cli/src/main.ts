#!/usr/bin/env node
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const [first, ...rest] = process.argv.slice(2);

// `infer … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// `infer --version` answers before any module is loaded; everything else builds the program.
if ((first === "--version" || first === "-V") && rest.length === 0) process.stdout.write(`${version}\n`);
else await (await import("./program.js")).run(version);
