import { Node, VariableDeclarationKind, type NewExpression, type VariableDeclaration } from "ts-morph";
import { UnsafeRewrite, type TextEdit } from "./edits.js";
import { CLIENT_OPTIONS, TASKS, type TaskEntry } from "./task-table.js";

/** A `const name = new InferenceApi(repoId, { task: "…", … })` the codemod can rewrite. */
export interface Construction {
  declaration: VariableDeclaration;
  task: TaskEntry;
  taskName: string;
  edit: TextEdit;
}

/** Checks a `new InferenceApi(...)` and prepares its `new InferenceClient({ model, … })` replacement. */
export function analyzeConstruction(expression: NewExpression, clientName: string): Construction {
  const line = expression.getStartLineNumber();
  const declaration = expression.getParent();
  if (
    !Node.isVariableDeclaration(declaration) ||
    declaration.getInitializer() !== expression ||
    !Node.isIdentifier(declaration.getNameNode())
  ) {
    throw new UnsafeRewrite(`line ${line}: the InferenceApi is not assigned to a variable of its own`);
  }
  const statement = declaration.getVariableStatement();
  if (statement?.isExported())
    throw new UnsafeRewrite(`line ${line}: the InferenceApi is exported, so other files call it`);
  if (declaration.getTypeNode()) throw new UnsafeRewrite(`line ${line}: the variable has a type annotation`);
  const kind = declaration.getVariableStatement()?.getDeclarationKind();
  if (
    kind !== VariableDeclarationKind.Const &&
    kind !== VariableDeclarationKind.Let &&
    kind !== VariableDeclarationKind.Var
  ) {
    throw new UnsafeRewrite(`line ${line}: the InferenceApi is not declared with const, let or var`);
  }

  const [repoId, options, ...rest] = expression.getArguments();
  if (
    repoId === undefined ||
    rest.length > 0 ||
    Node.isSpreadElement(repoId) ||
    (options && Node.isSpreadElement(options))
  ) {
    throw new UnsafeRewrite(`line ${line}: new InferenceApi() takes (repoId, options)`);
  }
  if (options === undefined) {
    throw new UnsafeRewrite(
      `line ${line}: no \`task\` option, so the task is looked up on the Hub at run time; add task: "<the model's task>" and run again`,
    );
  }
  if (!Node.isObjectLiteralExpression(options))
    throw new UnsafeRewrite(`line ${line}: the options are not an object literal`);

  let taskName: string | undefined;
  const clientProperties: string[] = [`model: ${repoId.getText()}`];
  for (const property of options.getProperties()) {
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) {
      throw new UnsafeRewrite(`line ${line}: the options are built dynamically (${property.getKindName()})`);
    }
    const nameNode = property.getNameNode();
    if (!Node.isIdentifier(nameNode) && !Node.isStringLiteral(nameNode)) {
      throw new UnsafeRewrite(`line ${line}: an option has a computed name`);
    }
    const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
    const value = Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
    if (name === "task") {
      if (!value || !(Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))) {
        throw new UnsafeRewrite(`line ${line}: the task is not known at compile time (not a string literal)`);
      }
      taskName = value.getLiteralValue();
    } else if (name === "gpu") {
      if (!value || !Node.isFalseLiteral(value)) {
        throw new UnsafeRewrite(
          `line ${line}: \`gpu\` has no InferenceClient equivalent (use a dedicated Inference Endpoint)`,
        );
      }
    } else if (CLIENT_OPTIONS.has(name)) {
      clientProperties.push(property.getText());
    } else {
      throw new UnsafeRewrite(`line ${line}: unknown option \`${name}\``);
    }
  }
  if (taskName === undefined) {
    throw new UnsafeRewrite(
      `line ${line}: no \`task\` option, so the task is looked up on the Hub at run time; add task: "<the model's task>" and run again`,
    );
  }
  const task = TASKS[taskName];
  if (task === undefined) {
    throw new UnsafeRewrite(
      `line ${line}: no automatic rewrite for the task "${taskName}" (see MIGRATION.md of @infer/compat)`,
    );
  }
  const text = `new ${clientName}({ ${clientProperties.join(", ")} })`;
  return { declaration, task, taskName, edit: { start: expression.getStart(), end: expression.getEnd(), text } };
}
