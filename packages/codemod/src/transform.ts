import { Node, Project, ScriptKind, SyntaxKind, ts, type SourceFile } from "ts-morph";
import { analyzeConstruction } from "./construction.js";
import { rewriteCall } from "./call.js";
import { applyEdits, UnsafeRewrite, type TextEdit } from "./edits.js";
import { CLIENT_NAME, findLegacyImports, inLegacyImport, rewriteImports } from "./imports.js";
import { rewriteResultUses } from "./result.js";

/** What the codemod makes of one file. */
export type TransformResult =
  /** The file does not use the legacy `InferenceApi`. */
  | { kind: "unchanged" }
  /** Every legacy use was rewritten. */
  | { kind: "changed"; output: string }
  /** Some use cannot be rewritten safely: the file is left as it is. */
  | { kind: "skipped"; reason: string };

const SCRIPT_KINDS: Record<string, ScriptKind> = {
  ".ts": ScriptKind.TS,
  ".mts": ScriptKind.TS,
  ".cts": ScriptKind.TS,
  ".tsx": ScriptKind.TSX,
  ".js": ScriptKind.JS,
  ".mjs": ScriptKind.JS,
  ".cjs": ScriptKind.JS,
  ".jsx": ScriptKind.JSX,
};

/** The file extensions the codemod reads. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

/**
 * Rewrites one file's `InferenceApi` code to `InferenceClient` calls, or explains why it cannot.
 * `fileName` picks the syntax (TypeScript, JavaScript, JSX) by its extension.
 */
export function transformSource(source: string, fileName: string): TransformResult {
  const extension = SOURCE_EXTENSIONS.find((candidate) => fileName.endsWith(candidate)) ?? ".ts";
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true },
  });
  const file = project.createSourceFile(`/source/file${extension}`, source, {
    scriptKind: SCRIPT_KINDS[extension] ?? ScriptKind.TS,
  });
  try {
    const edits = rewriteFile(file);
    return edits === undefined ? { kind: "unchanged" } : { kind: "changed", output: applyEdits(source, edits) };
  } catch (error) {
    if (error instanceof UnsafeRewrite) return { kind: "skipped", reason: error.message };
    throw error;
  }
}

function rewriteFile(file: SourceFile): TextEdit[] | undefined {
  const legacy = findLegacyImports(file);
  if (legacy.length === 0) return undefined;
  const [syntaxError] = file.getProject().getProgram().compilerObject.getSyntacticDiagnostics(file.compilerNode);
  if (syntaxError) {
    const line = file.compilerNode.getLineAndCharacterOfPosition(syntaxError.start ?? 0).line + 1;
    throw new UnsafeRewrite(
      `line ${line}: the file does not parse: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, " ")}`,
    );
  }

  const edits: TextEdit[] = rewriteImports(file, legacy);
  for (const { specifier } of legacy) {
    const local = specifier.getAliasNode() ?? specifier.getNameNode();
    if (!Node.isIdentifier(local)) throw new UnsafeRewrite("InferenceApi is imported under a string name");
    for (const reference of local.findReferencesAsNodes()) {
      if (inLegacyImport(reference, legacy)) continue;
      const construction = reference.getParent();
      if (!Node.isNewExpression(construction) || construction.getExpression() !== reference) {
        throw new UnsafeRewrite(
          `line ${reference.getStartLineNumber()}: InferenceApi is used other than in \`new InferenceApi(...)\``,
        );
      }
      const { declaration, task, taskName, edit } = analyzeConstruction(construction, CLIENT_NAME);
      edits.push(edit);
      const variable = declaration.getName();
      for (const use of declaration.getNameNode().asKindOrThrow(SyntaxKind.Identifier).findReferencesAsNodes()) {
        const call = use.getParent();
        if (!Node.isCallExpression(call) || call.getExpression() !== use) {
          throw new UnsafeRewrite(
            `line ${use.getStartLineNumber()}: \`${variable}\` is used other than as a call (${describeUse(use)})`,
          );
        }
        edits.push(...rewriteCall(call, variable, taskName, task), ...rewriteResultUses(call, task));
      }
    }
  }
  return edits;
}

function describeUse(use: Node): string {
  const parent = use.getParentOrThrow();
  if (parent.getKind() === SyntaxKind.PropertyAccessExpression) return `reads ${parent.getText()}`;
  if (Node.isBinaryExpression(parent)) return "assigned or compared";
  return `in ${parent.getKindName()}`;
}
