// Adds up the vitest JSON reports every package wrote (.vitest-result.json) and prints one closing line,
// "N passed, N failed", so a CI log says at a glance how many tests ran, and names every skipped test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
const skippedNames = [];
for (const group of ["packages", "apps"]) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group).sort()) {
    const file = join(group, name, ".vitest-result.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const result of report.testResults ?? []) {
      for (const test of result.assertionResults ?? []) {
        if (test.status === "skipped" || test.status === "pending" || test.status === "todo") {
          skippedNames.push(`skipped  ${group}/${name}: ${test.fullName ?? test.title}`);
        }
      }
    }
    rows.push(`${String(report.numPassedTests).padStart(5)}  ${group}/${name}`);
  }
}
console.log(rows.join("\n"));
if (skippedNames.length > 0) console.log(skippedNames.join("\n"));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
