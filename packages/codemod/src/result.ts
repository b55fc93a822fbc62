import { Node, type CallExpression } from "ts-morph";
import { UnsafeRewrite, type TextEdit } from "./edits.js";
import type { PathStep, ResultRewrite, TaskEntry } from "./task-table.js";

/**
 * Follows what a rewritten call's answer is used for, and returns the edits that keep each use working.
 * Answers whose shape did not change may go anywhere; changed ones must be awaited and then read only
 * through a path the task's table entry knows (e.g. `[0].generated_text`), directly or via a variable.
 */
export function rewriteResultUses(call: CallExpression, task: TaskEntry): TextEdit[] {
  const line = call.getStartLineNumber();
  const awaited = call.getParent();
  if (!Node.isAwaitExpression(awaited)) {
    if (task.result === undefined) return [];
    throw new UnsafeRewrite(
      `line ${line}: the answer is not awaited, so its use cannot be followed; ${task.method}() now returns ${task.resultChange}`,
    );
  }
  let outer: Node = awaited;
  const parentheses: Node[] = [];
  while (Node.isParenthesizedExpression(outer.getParentOrThrow())) {
    outer = outer.getParentOrThrow();
    parentheses.push(outer);
  }
  const parent = outer.getParentOrThrow();

  if (Node.isExpressionStatement(parent)) return [];
  const declaration = Node.isVariableDeclaration(parent) && parent.getInitializer() === outer ? parent : undefined;
  const name = declaration?.getNameNode();
  if (declaration !== undefined && name !== undefined && Node.isIdentifier(name)) {
    if (declaration.getTypeNode() && task.result !== undefined)
      throw new UnsafeRewrite(`line ${line}: the answer's variable has a type annotation`);
    return name.findReferencesAsNodes().flatMap((reference) => rewriteUse(reference, task, []));
  }
  return rewriteUse(outer, task, parentheses);
}

/** One use of an answer, starting at `base` (a variable reference, or the parenthesized `await`). */
function rewriteUse(base: Node, task: TaskEntry, parentheses: readonly Node[]): TextEdit[] {
  const line = base.getStartLineNumber();
  readsErrorField(base, line);
  if (task.result === undefined) return [];
  for (const rewrite of task.result) {
    const end = matchPath(base, rewrite.path);
    if (end === undefined) continue;
    const edits: TextEdit[] = [{ start: base.getEnd(), end: end.getEnd(), text: rewrite.suffix }];
    if (rewrite.suffix === "" && parentheses.length > 0 && standsAlone(end)) {
      for (const parenthesis of parentheses) {
        edits.push({ start: parenthesis.getStart(), end: parenthesis.getStart() + 1, text: "" });
        edits.push({ start: parenthesis.getEnd() - 1, end: parenthesis.getEnd(), text: "" });
      }
    }
    return edits;
  }
  throw new UnsafeRewrite(
    `line ${line}: the answer is used in a way the codemod cannot follow; ${task.method}() now returns ${task.resultChange} (${describe(task.result)})`,
  );
}

/** Legacy code that checks `.error` on an answer relied on errors being returned; they are now thrown. */
function readsErrorField(base: Node, line: number): void {
  const parent = base.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === base && parent.getName() === "error") {
    throw new UnsafeRewrite(
      `line ${line}: the code reads \`.error\` on an answer; InferenceClient throws errors instead of returning them`,
    );
  }
}

/** The node at the end of `path` read from `base`, e.g. `base[0].generated_text`, or undefined. */
function matchPath(base: Node, path: readonly PathStep[]): Node | undefined {
  let current = base;
  for (const step of path) {
    const parent = current.getParent();
    if ("index" in step) {
      if (!Node.isElementAccessExpression(parent) || parent.getExpression() !== current) return undefined;
      const argument = parent.getArgumentExpression();
      if (!argument || !Node.isNumericLiteral(argument) || argument.getLiteralValue() !== step.index) return undefined;
      current = parent;
    } else {
      if (
        !Node.isPropertyAccessExpression(parent) ||
        parent.getExpression() !== current ||
        parent.getName() !== step.property
      )
        return undefined;
      current = parent;
    }
  }
  return current;
}

/** True where an `await` expression needs no parentheses: an argument, an initializer, a return value, … */
function standsAlone(node: Node): boolean {
  const parent = node.getParent();
  if (parent === undefined) return false;
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) return parent.getArguments().includes(node);
  return (
    Node.isVariableDeclaration(parent) ||
    Node.isReturnStatement(parent) ||
    Node.isExpressionStatement(parent) ||
    Node.isArrayLiteralExpression(parent) ||
    Node.isPropertyAssignment(parent) ||
    Node.isTemplateSpan(parent) ||
    Node.isParenthesizedExpression(parent)
  );
}

function describe(rewrites: readonly ResultRewrite[]): string {
  return `known uses: ${rewrites.map((rewrite) => `result${rewrite.path.map((step) => ("index" in step ? `[${step.index}]` : `.${step.property}`)).join("")}`).join(", ")}`;
}
