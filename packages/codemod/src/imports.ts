import { Node, SyntaxKind, type ImportDeclaration, type ImportSpecifier, type SourceFile } from "ts-morph";
import { UnsafeRewrite, type TextEdit } from "./edits.js";

export const LEGACY_MODULE = "@infer/compat";
export const CLIENT_MODULE = "@infer/inference";
export const CLIENT_NAME = "InferenceClient";

/** The legacy `InferenceApi` imports of a file: each specifier and the name it is bound to locally. */
export interface LegacyImport {
  declaration: ImportDeclaration;
  specifier: ImportSpecifier;
}

/** Finds `import { InferenceApi } from "@infer/compat"`; other ways of loading it cannot be followed. */
export function findLegacyImports(file: SourceFile): LegacyImport[] {
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const [argument] = call.getArguments();
    const callee = call.getExpression();
    const loadsLegacy = argument && Node.isStringLiteral(argument) && argument.getLiteralValue() === LEGACY_MODULE;
    if (loadsLegacy && (Node.isImportExpression(callee) || callee.getText() === "require")) {
      throw new UnsafeRewrite(
        `line ${call.getStartLineNumber()}: ${LEGACY_MODULE} is loaded with ${callee.getText()}(); only static imports are rewritten`,
      );
    }
  }
  const found: LegacyImport[] = [];
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== LEGACY_MODULE) continue;
    const line = declaration.getStartLineNumber();
    if (declaration.getNamespaceImport() || declaration.getDefaultImport()) {
      throw new UnsafeRewrite(`line ${line}: a namespace or default import of ${LEGACY_MODULE}`);
    }
    for (const specifier of declaration.getNamedImports()) {
      if (specifier.getName() !== "InferenceApi") continue;
      if (declaration.isTypeOnly() || specifier.isTypeOnly())
        throw new UnsafeRewrite(`line ${line}: InferenceApi is imported as a type`);
      found.push({ declaration, specifier });
    }
  }
  return found;
}

/**
 * The name to construct the client with, and the edits that import it: the legacy specifier becomes
 * `InferenceClient` from `@infer/inference`, joining an existing import of that module when there is one.
 */
export function rewriteImports(file: SourceFile, legacy: readonly LegacyImport[]): TextEdit[] {
  const existing = file
    .getImportDeclarations()
    .find((declaration) => declaration.getModuleSpecifierValue() === CLIENT_MODULE && !declaration.isTypeOnly());
  const imported = existing
    ?.getNamedImports()
    .find((specifier) => specifier.getName() === CLIENT_NAME && !specifier.isTypeOnly());
  if (imported?.getAliasNode())
    throw new UnsafeRewrite(`line ${existing!.getStartLineNumber()}: ${CLIENT_NAME} is imported under another name`);
  // Every `InferenceClient` in the file must be the imported one (or none may exist when it is not imported).
  const importedSymbol = imported?.getNameNode().getSymbol();
  const taken = file
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some(
      (identifier) =>
        identifier.getText() === CLIENT_NAME &&
        (importedSymbol === undefined || identifier.getSymbol() !== importedSymbol),
    );
  if (taken) throw new UnsafeRewrite(`the name ${CLIENT_NAME} is already used in this file`);

  const edits: TextEdit[] = [];
  let clientImported = imported !== undefined;
  const named = existing?.getNamedImports() ?? [];
  if (!clientImported && named.length > 0) {
    // Join the existing `@infer/inference` import rather than adding a second one.
    edits.push({ start: named[0]!.getStart(), end: named[0]!.getStart(), text: `${CLIENT_NAME}, ` });
    clientImported = true;
  }
  for (const { declaration, specifier } of legacy) {
    if (declaration.getNamedImports().length > 1) {
      // Other legacy imports stay: drop this specifier with its comma.
      const next = specifier.getNextSibling((node) => node.getKind() !== SyntaxKind.CommaToken);
      const previousComma = next ? undefined : specifier.getPreviousSiblingIfKind(SyntaxKind.CommaToken);
      edits.push({
        start: (previousComma ?? specifier).getStart(),
        end: next ? next.getStart() : specifier.getEnd(),
        text: "",
      });
      if (!clientImported)
        edits.push({
          start: declaration.getEnd(),
          end: declaration.getEnd(),
          text: `\n${importStatement(declaration)}`,
        });
    } else if (!clientImported) {
      edits.push({ start: declaration.getStart(), end: declaration.getEnd(), text: importStatement(declaration) });
    } else {
      edits.push({
        start: declaration.getStart(),
        end: declaration.getEnd() + lineBreakAfter(file, declaration.getEnd()),
        text: "",
      });
    }
    clientImported = true;
  }
  return edits;
}

function importStatement(declaration: ImportDeclaration): string {
  const quote = declaration.getModuleSpecifier().getText().startsWith("'") ? "'" : '"';
  const semicolon = declaration.getText().trimEnd().endsWith(";") ? ";" : "";
  return `import { ${CLIENT_NAME} } from ${quote}${CLIENT_MODULE}${quote}${semicolon}`;
}

function lineBreakAfter(file: SourceFile, position: number): number {
  const text = file.getFullText();
  if (text.startsWith("\r\n", position)) return 2;
  return text[position] === "\n" ? 1 : 0;
}

/** True when `node` sits inside one of the legacy import declarations. */
export function inLegacyImport(node: Node, legacy: readonly LegacyImport[]): boolean {
  const declaration = node.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  return declaration !== undefined && legacy.some((entry) => entry.declaration === declaration);
}
