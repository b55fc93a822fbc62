// Run by entries.test.ts with `node [--conditions=browser] entries-agree.mjs` from packages/core: imports
// @infer/core and @infer/core/task-kit by name (the package's own `exports`), and reports whether the two
// entries share their classes, symbols and module state.
import * as core from "@infer/core";
import * as kit from "@infer/core/task-kit";

const caught = (fn) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

const input = caught(() => kit.requireString(1, "prompt"));
const output = caught(() => kit.expectOutput({}, Array.isArray, "fill-mask", "[…]"));
const http = new core.InferenceHTTPError({ status: 422, url: "http://127.0.0.1/", body: { error: "bad", error_type: "validation" } });
const typed = kit.toTextGenerationError(http);
const provider = kit.defineProvider({ providerName: "stand-in", baseUrl: "http://127.0.0.1", tasks: {} });
const task = kit.defineTask({ taskName: "echo", methodName: "echo" }, async () => "echo");
const client = core.createClient({ endpoint: "http://127.0.0.1:9" }).with(task, provider);

console.log(
  JSON.stringify({
    // The prototype itself, not only `instanceof`: one class object, not two copies with the same marker.
    input: Object.getPrototypeOf(input) === core.InferenceInputError.prototype && input instanceof core.InferenceError,
    output: Object.getPrototypeOf(output) === core.InferenceOutputError.prototype,
    validation: Object.getPrototypeOf(typed) === core.ValidationError.prototype && typed instanceof core.TextGenerationError,
    provider: kit.isProvider(provider) && client.providers.includes("stand-in"),
    method: typeof client.echo === "function",
    version: typeof core.VERSION === "string",
  }),
);
