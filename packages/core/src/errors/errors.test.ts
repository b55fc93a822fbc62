import { describe, expect, it } from "vitest";
import {
  GenerationError,
  IncompleteGenerationError,
  InferenceAbortError,
  InferenceConnectionError,
  InferenceError,
  InferenceHTTPError,
  InferenceInputError,
  InferenceOutputError,
  InferenceTimeoutError,
  OverloadedError,
  TextGenerationError,
  UnknownError,
  ValidationError,
} from "../index.js";
import { textGenerationError } from "../task-kit-entry.js";

describe("errors", () => {
  const samples = [
    new InferenceTimeoutError({ message: "t" }),
    new InferenceHTTPError({ status: 500, url: "http://x", requestId: "r", serverMessage: "m", body: {} }),
    new InferenceInputError({ argument: "image", message: "bad" }),
    new InferenceOutputError({ task: "t", expected: "e", body: 1 }),
    new InferenceAbortError({ cause: "why" }),
    new InferenceConnectionError({ message: "down", retryable: false }),
    new GenerationError({ message: "g" }),
  ];

  it("names each error after its class and extends InferenceError", () => {
    for (const error of samples) {
      expect(error.name).toBe(error.constructor.name);
      expect(error).toBeInstanceOf(InferenceError);
      expect(InferenceError.isInstance(error)).toBe(true);
    }
  });

  it("isInstance tells the classes apart", () => {
    expect(InferenceTimeoutError.isInstance(samples[0])).toBe(true);
    expect(InferenceTimeoutError.isInstance(samples[1])).toBe(false);
    expect(InferenceHTTPError.isInstance(new Error("x"))).toBe(false);
    expect(InferenceError.isInstance(null)).toBe(false);
  });

  it("isInstance recognises an error from another copy of core by its Symbol.for marker", () => {
    const foreign = Object.assign(new Error("from a duplicate install"), {
      [Symbol.for("@infer/core.error")]: ["InferenceHTTPError", "InferenceError"],
    });
    expect(InferenceHTTPError.isInstance(foreign)).toBe(true);
    expect(InferenceError.isInstance(foreign)).toBe(true);
    expect(InferenceTimeoutError.isInstance(foreign)).toBe(false);
  });

  it("isInstance works unbound, as a callback", () => {
    expect(samples.filter(InferenceHTTPError.isInstance)).toEqual([samples[1]]);
    expect(samples.filter(InferenceError.isInstance)).toHaveLength(samples.length);
    expect([new GenerationError({ message: "g" })].every(TextGenerationError.isInstance)).toBe(true);
  });

  it("names the argument of an input error in its message", () => {
    const error = new InferenceInputError({ argument: "options.srcLang", message: "needs tgtLang" });
    expect(error.message).toBe("Invalid argument `options.srcLang`: needs tgtLang");
    expect(error.argument).toBe("options.srcLang");
  });

  it("keeps the cause", () => {
    const cause = new Error("root");
    expect(new InferenceConnectionError({ message: "x", retryable: true, cause }).cause).toBe(cause);
    expect(new InferenceAbortError({ cause }).cause).toBe(cause);
  });

  it("types TGI errors by error_type", () => {
    expect(textGenerationError("m", "generation", {})).toBeInstanceOf(GenerationError);
    expect(textGenerationError("m", "incomplete_generation", {})).toBeInstanceOf(IncompleteGenerationError);
    expect(textGenerationError("m", "overloaded", {})).toBeInstanceOf(OverloadedError);
    expect(textGenerationError("m", "validation", {})).toBeInstanceOf(ValidationError);
    const unknown = textGenerationError("m", "martian", { error: "m" });
    expect(unknown).toBeInstanceOf(UnknownError);
    expect(TextGenerationError.isInstance(unknown)).toBe(true);
    expect(unknown.errorType).toBe("martian");
    expect(ValidationError.isInstance(unknown)).toBe(false);
    expect(unknown.name).toBe("UnknownError");
    expect(InferenceError.isInstance(unknown)).toBe(true);
  });
});
