import type { Backend, Runner } from "./backends/types.js";

type State =
  | { status: "unloaded" }
  | { status: "loading"; since: number; promise: Promise<Runner> }
  | { status: "loaded"; runner: Runner; loadMs: number }
  | { status: "failed"; error: Error };

/** The served models, each loaded once on first use. */
export class Registry {
  private readonly states = new Map<string, State>();
  readonly backends: ReadonlyMap<string, Backend>;

  constructor(backends: readonly Backend[]) {
    this.backends = new Map(backends.map((backend) => [backend.id, backend]));
    for (const backend of backends) this.states.set(backend.id, { status: "unloaded" });
  }

  state(id: string): State["status"] {
    return this.states.get(id)?.status ?? "unloaded";
  }

  loadMs(id: string): number | undefined {
    const state = this.states.get(id);
    return state?.status === "loaded" ? state.loadMs : undefined;
  }

  /** Starts loading `id` if it has not started; resolves to its runner. */
  load(id: string): Promise<Runner> {
    const state = this.states.get(id);
    const backend = this.backends.get(id);
    if (state === undefined || backend === undefined) return Promise.reject(new Error(`no model ${id}`));
    if (state.status === "loaded") return Promise.resolve(state.runner);
    if (state.status === "loading") return state.promise;
    if (state.status === "failed") return Promise.reject(state.error);
    const since = performance.now();
    // Loads start on a later turn of the event loop, so even a quick load is seen as "loading" first.
    const promise = new Promise((resolve) => setImmediate(resolve))
      .then(() => backend.load())
      .then(
        (runner) => {
          this.states.set(id, { status: "loaded", runner, loadMs: performance.now() - since });
          return runner;
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          this.states.set(id, { status: "failed", error: failure });
          throw failure;
        },
      );
    this.states.set(id, { status: "loading", since, promise });
    return promise;
  }

  /** Frees every loaded model's resources (after the in-flight loads settle). */
  async close(): Promise<void> {
    const runners = await Promise.all(
      [...this.states.keys()].map((id) =>
        this.states.get(id)?.status === "loading" || this.states.get(id)?.status === "loaded"
          ? this.load(id).catch(() => undefined)
          : undefined,
      ),
    );
    await Promise.all(runners.map((runner) => runner?.close?.().catch(() => {})));
  }

  /** Seconds the load of `id` may still take, for a 503's `estimated_time`. */
  estimatedTime(id: string): number {
    const state = this.states.get(id);
    const backend = this.backends.get(id)!;
    const elapsed = state?.status === "loading" ? (performance.now() - state.since) / 1000 : 0;
    return Math.max(0.5, Math.round((backend.estimatedLoadSeconds - elapsed) * 10) / 10);
  }
}
