import { InferenceCore } from "../client.js";
import { optionsPrototype } from "../client-state.js";
import { InferenceError } from "../errors/inference-error.js";
import { redactText } from "../redaction.js";

type Inspect = (value: unknown, options: object) => string;
const custom = Symbol.for("nodejs.util.inspect.custom");

/**
 * `util.inspect` and `console.log` in Node never show a token: a client and its options print their JSON
 * form (token masked), an error its usual form with every known token masked, `cause` chain included.
 * Node only, so browser bundles don't carry it.
 */
export function installInspect(): void {
  Object.defineProperty(InferenceError.prototype, custom, {
    value(this: InferenceError, _depth: number, options: object, inspect: Inspect): string {
      return redactText(inspect(this, { ...options, customInspect: false }));
    },
  });
  Object.defineProperty(InferenceCore.prototype, custom, {
    value(this: InferenceCore, _depth: number, options: object, inspect: Inspect): string {
      return `${this.constructor.name} ${inspect(this.toJSON(), options)}`;
    },
  });
  Object.defineProperty(optionsPrototype, custom, {
    value(this: typeof optionsPrototype, _depth: number, options: object, inspect: Inspect): string {
      return inspect(this.toJSON.call(this as never), options);
    },
  });
}
