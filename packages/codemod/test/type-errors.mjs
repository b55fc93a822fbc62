// Type-checks the files named on the command line as a user's strict project would (ES modules, Node types,
// JavaScript checked too) and prints the diagnostics as a JSON array of strings, paths relative to argv[2].
// A child process of type-check.test.ts: a whole TypeScript program is a minute of synchronous work on a loaded
// 2-core machine, and inside vitest's worker it would block the worker's replies to vitest (issue 17).
import ts from "typescript";

const [root, ...paths] = process.argv.slice(2);
const program = ts.createProgram(paths, {
  strict: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts"],
  types: ["node"],
  skipLibCheck: true,
});
const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
  const where = diagnostic.file ? `${diagnostic.file.fileName.slice(root.length)}: ` : "";
  return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
});
process.stdout.write(JSON.stringify(errors));
