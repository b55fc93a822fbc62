import { subscribe, unsubscribe } from "node:diagnostics_channel";

/** What runs on stderr while a call is in flight. */
export interface Activity {
  /** Clears the spinner and the bar; call it before printing the answer. */
  stop(): void;
}

const NONE: Activity = { stop() {} };
/** Uploads from this size get a progress bar. */
const LARGE_UPLOAD = 1024 * 1024;
/** A call answered this fast shows no spinner at all. */
const SPINNER_DELAY = 300;

/**
 * On a terminal only (stderr is a TTY, not `TERM=dumb`, no `CI` variable): a spinner with the elapsed time while the answer is awaited, saying so
 * when the model is loading (with the server's `estimated_time`), and a progress bar while a large body
 * uploads. It watches undici's diagnostics channels, so the client needs no hook. Nothing at all when piped.
 */
export async function startActivity(label: string): Promise<Activity> {
  // A terminal that shows animation: yocto-spinner's own test, so both agree.
  if (process.stderr.isTTY !== true || process.env["TERM"] === "dumb" || "CI" in process.env) return NONE;
  const [{ default: yoctoSpinner }, { SingleBar, Presets }] = await Promise.all([
    import("yocto-spinner"),
    import("cli-progress"),
  ]);
  const started = Date.now();
  // Ctrl-C is ours: it aborts the request cleanly (run/interrupt.ts), so the spinner must not exit on it.
  const spinner = yoctoSpinner({ stream: process.stderr, handleSignals: false });
  let spinning = false;
  let loading: number | undefined;
  let bar: InstanceType<typeof SingleBar> | undefined;
  let uploaded = 0;
  const loadingBodies = new WeakMap<object, string>();

  const text = () => {
    const elapsed = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (loading === undefined) return `${label} · ${elapsed}`;
    return `the model is loading (the server estimates ${loading < 10 ? loading.toFixed(1) : Math.round(loading)} s) · ${elapsed}`;
  };
  const spin = () => {
    if (bar) return;
    if (!spinning) {
      spinner.text = text();
      spinner.start();
      spinning = true;
    } else spinner.text = text();
  };
  const timer = setInterval(() => {
    if (Date.now() - started >= SPINNER_DELAY || loading !== undefined) spin();
  }, 100);
  timer.unref();

  const onCreate = ({ request }: { request: { contentLength?: number | null } }) => {
    const total = request.contentLength ?? 0;
    if (total < LARGE_UPLOAD || bar) return;
    if (spinning) spinner.stop();
    spinning = false;
    uploaded = 0;
    bar = new SingleBar(
      {
        stream: process.stderr,
        format: "uploading {bar} {percentage}% · {value}/{total} bytes",
        hideCursor: true,
        clearOnComplete: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
  };
  const onChunkSent = ({ chunk }: { chunk: Uint8Array | string }) => {
    if (!bar) return;
    uploaded += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    bar.update(uploaded);
  };
  const onBodySent = () => {
    bar?.stop();
    bar = undefined;
  };
  const onHeaders = ({ request, response }: { request: object; response: { statusCode: number } }) => {
    if (response.statusCode === 503) loadingBodies.set(request, "");
    else loading = undefined;
  };
  const onChunkReceived = ({ request, chunk }: { request: object; chunk: Uint8Array }) => {
    const body = loadingBodies.get(request);
    if (body === undefined) return;
    const text = body + Buffer.from(chunk).toString("utf8");
    loadingBodies.set(request, text);
    try {
      const parsed = JSON.parse(text) as { estimated_time?: unknown };
      if (typeof parsed.estimated_time === "number") loading = parsed.estimated_time;
    } catch {
      // Not whole yet.
    }
  };
  const channels: [string, (message: never) => void][] = [
    ["undici:request:create", onCreate],
    ["undici:request:bodyChunkSent", onChunkSent],
    ["undici:request:bodySent", onBodySent],
    ["undici:request:headers", onHeaders],
    ["undici:request:bodyChunkReceived", onChunkReceived],
  ];
  for (const [name, listener] of channels) subscribe(name, listener as (message: unknown) => void);
  return {
    stop() {
      clearInterval(timer);
      for (const [name, listener] of channels) unsubscribe(name, listener as (message: unknown) => void);
      bar?.stop();
      bar = undefined;
      if (spinning) spinner.stop();
      spinning = false;
    },
  };
}
