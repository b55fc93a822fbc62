import { TextGenerationError } from "./text-generation-error.js";

/** A TGI error of a type this client does not know. */
export class UnknownError extends TextGenerationError {
  static override readonly kind: string = "UnknownError";
}
