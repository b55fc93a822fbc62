/** A token that looks like a Hugging Face token, so every client sends `Authorization` the same way. */
export const BENCH_TOKEN = "hf_benchmark_token_not_a_secret";

/** The text every classification call sends. */
export const CLASSIFICATION_TEXT = "I like you. I love you.";

/** The one JSON argument a runner is started with. */
export function runnerArgument<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error("a runner takes one JSON argument");
  return JSON.parse(raw) as T;
}

/** Prints a runner's result as its last line of output, for `runRunner()`. */
export function printResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** CPU time of this process so far, user + system, in microseconds. */
export function cpuMicroseconds(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Calls `call` `calls` times with `concurrency` callers in flight; resolves to the elapsed seconds. */
export async function runConcurrently(
  call: () => Promise<unknown>,
  calls: number,
  concurrency: number,
): Promise<number> {
  let started = 0;
  const caller = async () => {
    while (started < calls) {
      started++;
      await call();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, caller));
  return (performance.now() - start) / 1000;
}

/** Loads a module by a name the compiler does not resolve: for packages that may not be built yet. */
export async function importOptional<T>(specifier: string): Promise<T | undefined> {
  try {
    return (await import(specifier)) as T;
  } catch {
    return undefined;
  }
}
