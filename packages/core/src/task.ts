import type { InferenceCore } from "./client.js";

declare const methodSignature: unique symbol;

/** The identity a task function carries, and (in types only) the method it becomes on a client. */
export interface TaskIdentity<Name extends string = string, Method = unknown> {
  /** The task's wire name, e.g. `"text-to-image"`. */
  readonly taskName: string;
  /** The method name on a client, e.g. `"textToImage"`. */
  readonly methodName: Name;
  readonly [methodSignature]?: Method;
}

// biome-ignore lint: task functions take any inputs after the client
export type AnyTaskFunction = (client: InferenceCore, ...args: any[]) => unknown;

/** A task: a plain function `(client, ...inputs, options?)` carrying its identity. */
export type Task<
  Name extends string = string,
  Fn extends AnyTaskFunction = AnyTaskFunction,
  Method = BoundMethod<Fn>,
> = Fn & TaskIdentity<Name, Method>;

/** The method a task becomes on a client: its function without the client argument. */
export type BoundMethod<Fn> = Fn extends (client: InferenceCore, ...args: infer Args) => infer Result
  ? (...args: Args) => Result
  : never;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** The methods `client.with(...tasks)` adds, one per task (providers add none). */
export type TaskMethods<Tasks extends readonly unknown[]> = [Extract<Tasks[number], TaskIdentity>] extends [never]
  ? unknown
  : UnionToIntersection<
      Extract<Tasks[number], TaskIdentity> extends infer Each
        ? Each extends TaskIdentity<infer Name, infer Method>
          ? { readonly [Key in Name]: Method }
          : never
        : never
    >;

/**
 * Gives a task function its identity. `Method`, the method the task becomes on a client, is the function
 * without its client argument unless given: give the three type arguments for a task whose function is
 * overloaded (overloads do not survive type inference), e.g.
 * `defineTask<"textGeneration", TextGenerationFunction, TextGenerationMethod>(…)`.
 *
 * @example
 * export const textClassification = defineTask(
 *   { taskName: "text-classification", methodName: "textClassification" },
 *   async (client, text: string, options: TextClassificationOptions = {}) => { … },
 * );
 */
export function defineTask<const Name extends string, Fn extends AnyTaskFunction, Method = BoundMethod<Fn>>(
  identity: { taskName: string; methodName: Name },
  fn: Fn,
): Task<Name, Fn, Method> {
  return Object.defineProperties(fn, {
    taskName: { value: identity.taskName, enumerable: true },
    methodName: { value: identity.methodName, enumerable: true },
  }) as Task<Name, Fn, Method>;
}
