import { describe, expect, it } from "vitest";
import { InferenceInputError } from "./index.js";
import { encodeParameters, type ParameterTable } from "./task-kit-entry.js";

const table = {
  topK: { type: "integer", atLeast: 1 },
  threshold: { type: "number", atLeast: 0, atMost: 1 },
  temperature: { type: "number", above: 0 },
  multiLabel: { type: "boolean" },
  functionToApply: { type: "string", oneOf: ["sigmoid", "softmax", "none"] },
  ignoreLabels: { type: "strings" },
  targets: { type: "string-or-strings" },
  generateParameters: { type: "object", wire: "generate_kwargs" },
} satisfies ParameterTable;

function inputError(run: () => unknown): InferenceInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InferenceInputError) return error;
    throw error;
  }
  throw new Error("expected an InferenceInputError");
}

describe("encodeParameters", () => {
  it("sends the parameters in the table's order whatever the call's, then those the table does not know", () => {
    const encoded = encodeParameters(table, { newerOne: 1, threshold: 0.5, multiLabel: true, topK: 3 });
    expect(JSON.stringify(encoded)).toBe('{"top_k":3,"threshold":0.5,"multi_label":true,"newer_one":1}');
  });

  it("renames the set parameters to snake_case and keeps their values", () => {
    expect(
      encodeParameters(table, {
        topK: 3,
        functionToApply: "softmax",
        ignoreLabels: ["O"],
        multiLabel: false,
        threshold: 0,
      }),
    ).toEqual({ top_k: 3, function_to_apply: "softmax", ignore_labels: ["O"], multi_label: false, threshold: 0 });
  });

  it("uses a rule's wire name", () => {
    expect(encodeParameters(table, { generateParameters: { max_new_tokens: 5 } })).toEqual({
      generate_kwargs: { max_new_tokens: 5 },
    });
  });

  it("returns undefined when nothing is set, explicit undefined included", () => {
    expect(encodeParameters(table, {})).toBeUndefined();
    expect(encodeParameters(table, { topK: undefined, targets: undefined })).toBeUndefined();
  });

  it("sends a parameter the table does not know as given, in snake_case", () => {
    expect(encodeParameters(table, { newerParameter: "x" })).toEqual({ newer_parameter: "x" });
  });

  it.each([
    ["topK", 0, "expected an integer ≥ 1, got 0"],
    ["topK", 1.5, "expected an integer ≥ 1, got 1.5"],
    ["topK", "3", 'expected an integer ≥ 1, got "3"'],
    ["threshold", 1.2, "expected a number ≥ 0 and ≤ 1, got 1.2"],
    ["threshold", Number.NaN, "expected a number ≥ 0 and ≤ 1, got NaN"],
    ["temperature", 0, "expected a number > 0, got 0"],
    ["multiLabel", "yes", 'expected a boolean, got "yes"'],
    ["functionToApply", "max", 'expected one of "sigmoid", "softmax", "none", got "max"'],
    ["ignoreLabels", "O", 'expected an array of at least 1 string, got "O"'],
    ["ignoreLabels", [], "expected an array of at least 1 string, got an array"],
    ["targets", [], "expected a non-empty string or array of strings, got an array"],
    ["targets", [1], "expected a non-empty string or array of strings, got an array"],
    ["generateParameters", [], "expected an object, got an array"],
    ["generateParameters", null, "expected an object, got null"],
  ])("rejects %s = %o, naming options.%s", (name, value, message) => {
    const error = inputError(() => encodeParameters(table, { [name]: value }));
    expect(error.argument).toBe(`options.${name}`);
    expect(error.message).toContain(message);
  });

  it("accepts the bounds themselves when they are inclusive", () => {
    expect(encodeParameters(table, { threshold: 1, topK: 1, targets: "Paris" })).toEqual({
      threshold: 1,
      top_k: 1,
      targets: "Paris",
    });
  });

  it("names another argument when asked", () => {
    expect(inputError(() => encodeParameters(table, { topK: -1 }, "parameters")).argument).toBe("parameters.topK");
  });
});
