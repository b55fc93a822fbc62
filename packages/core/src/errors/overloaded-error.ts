import { hasKind } from "./inference-error.js";
import { TextGenerationError } from "./text-generation-error.js";

/** TGI `error_type: "overloaded"`: the server is overloaded; try again later. */
export class OverloadedError extends TextGenerationError {
  static override readonly kind: string = "OverloadedError";
  static override isInstance = (value: unknown): value is OverloadedError => hasKind(value, "OverloadedError");
}
