import { Node, type CallExpression, type ObjectLiteralExpression } from "ts-morph";
import { UnsafeRewrite, type TextEdit } from "./edits.js";
import type { TaskEntry } from "./task-table.js";

/**
 * Rewrites `inference(inputs, params?)` to `inference.method(…positional, { …options })`. The edits leave
 * the inputs' own text in place where they can, so a rewrite inside them (a nested answer) still applies.
 */
export function rewriteCall(call: CallExpression, variable: string, taskName: string, task: TaskEntry): TextEdit[] {
  const line = call.getStartLineNumber();
  const problem = (reason: string) => new UnsafeRewrite(`line ${line}: ${reason}`);
  const [inputs, params, ...rest] = call.getArguments();
  if (rest.length > 0)
    throw problem("the call passes `data` or `rawResponse`, which InferenceClient methods do not take");
  if (inputs === undefined || isNullish(inputs)) throw problem("the call passes no inputs");
  if (Node.isSpreadElement(inputs) || (params && Node.isSpreadElement(params)))
    throw problem("the call spreads its arguments");

  const callee = call.getExpression();
  const edits: TextEdit[] = [{ start: callee.getStart(), end: callee.getEnd(), text: `${variable}.${task.method}` }];
  const fromInputs: string[] = [];
  const fromParams: string[] = [];
  const options: string[] = [];
  if (task.inputs.kind === "fields") {
    if (!Node.isObjectLiteralExpression(inputs))
      throw problem(`${taskName} inputs are not an object literal, so their fields cannot be followed`);
    const fields = readFields(inputs, problem);
    for (const name of task.inputs.positional) {
      const value = fields.get(name);
      if (value === undefined) throw problem(`the inputs have no \`${name}\` field`);
      fromInputs.push(value);
      fields.delete(name);
    }
    for (const [name, value] of fields) {
      const option = task.inputs.options?.[name];
      if (option === undefined)
        throw problem(`the inputs have a field \`${name}\` that ${task.method}() does not take`);
      options.push(`${option}: ${value}`);
    }
  }

  const mapping = task.parameters;
  if (params !== undefined && !isNullish(params)) {
    if (mapping.kind === "none") throw problem(`${task.method}() takes no parameters`);
    if (mapping.kind === "nested") {
      options.push(`parameters: ${params.getText()}`);
    } else {
      if (!Node.isObjectLiteralExpression(params))
        throw problem("the params are not an object literal, so their names cannot be mapped");
      const fields = readFields(params, problem);
      for (const name of mapping.positional ?? []) {
        const value = fields.get(name);
        if (value === undefined) throw problem(`the params have no \`${name}\`, which ${task.method}() requires`);
        fromParams.push(name === "candidate_labels" ? (labelList(params) ?? value) : value);
        fields.delete(name);
      }
      for (const [name, value] of fields) {
        const option = mapping.names[name];
        if (option === undefined) throw problem(`the parameter \`${name}\` has no ${task.method}() option`);
        options.push(option === value ? option : `${option}: ${value}`);
      }
    }
  } else if (mapping.kind === "options" && mapping.positional?.length) {
    throw problem(`${task.method}() requires ${mapping.positional.join(", ")}, which the call does not pass`);
  }

  const tail = [...fromParams, ...(options.length > 0 ? [`{ ${options.join(", ")} }`] : [])];
  if (task.inputs.kind === "fields") {
    edits.push({ start: inputs.getStart(), end: inputs.getEnd(), text: [...fromInputs, ...tail].join(", ") });
    tail.length = 0;
  }
  const lastArgument = params ?? inputs;
  const text = tail.length > 0 ? `, ${tail.join(", ")}` : "";
  if (lastArgument !== inputs || text !== "") edits.push({ start: inputs.getEnd(), end: lastArgument.getEnd(), text });
  return edits;
}

/** The fields of an object literal by name, as source text; shorthand `{ name }` gives `name`. */
function readFields(object: ObjectLiteralExpression, problem: (reason: string) => UnsafeRewrite): Map<string, string> {
  const fields = new Map<string, string>();
  for (const property of object.getProperties()) {
    if (Node.isShorthandPropertyAssignment(property)) {
      fields.set(property.getName(), property.getName());
      continue;
    }
    if (!Node.isPropertyAssignment(property))
      throw problem(`an object is built dynamically (${property.getKindName()})`);
    const nameNode = property.getNameNode();
    if (!Node.isIdentifier(nameNode) && !Node.isStringLiteral(nameNode))
      throw problem("an object has a computed property name");
    const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
    fields.set(name, property.getInitializerOrThrow().getText());
  }
  return fields;
}

/** `candidate_labels` may be one comma-separated string in legacy code: a literal one becomes a list. */
function labelList(params: ObjectLiteralExpression): string | undefined {
  const property = params.getProperty("candidate_labels");
  const value = property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  if (!value || !(Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))) return undefined;
  const labels = value
    .getLiteralValue()
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label !== "");
  return `[${labels.map((label) => JSON.stringify(label)).join(", ")}]`;
}

function isNullish(node: Node): boolean {
  return Node.isNullLiteral(node) || (Node.isIdentifier(node) && node.getText() === "undefined");
}
