import { GenerationError } from "./generation-error.js";
import { IncompleteGenerationError } from "./incomplete-generation-error.js";
import { OverloadedError } from "./overloaded-error.js";
import type { TextGenerationError } from "./text-generation-error.js";
import { UnknownError } from "./unknown-error.js";
import { ValidationError } from "./validation-error.js";

/** Builds the typed TGI error for an `{ error, error_type }` payload. */
export function textGenerationError(message: string, errorType: string | undefined, body: unknown): TextGenerationError {
  const options = { message, errorType, body };
  switch (errorType) {
    case "generation":
      return new GenerationError(options);
    case "incomplete_generation":
      return new IncompleteGenerationError(options);
    case "overloaded":
      return new OverloadedError(options);
    case "validation":
      return new ValidationError(options);
    default:
      return new UnknownError(options);
  }
}
