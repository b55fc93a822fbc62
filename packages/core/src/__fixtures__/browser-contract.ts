// Runs in Chromium: the browser build of core against the loopback server that served this page.
import { createClient, InferenceAbortError, InferenceHTTPError, InferenceInputError, InferenceTimeoutError, parseServerSentEvents } from "../browser.js";

const page = globalThis as unknown as { runContract?: () => Promise<Record<string, unknown>>; location: { origin: string } };

/** How many requests the server has seen (it counts them), to prove none was sent. */
async function requestCount(): Promise<number> {
  return ((await (await fetch(`${page.location.origin}/count`)).json()) as { count: number }).count;
}

page.runContract = async () => {
  const client = createClient({ endpoint: page.location.origin, token: "hf_browser", retry: { minDelay: 10 } });
  const results: Record<string, unknown> = {};
  results["json"] = await (await client.post({ model: "echo", json: { inputs: "hé" } })).json();
  const blob = await (await client.post({ model: "image", json: {} })).blob();
  results["blob"] = { type: blob.type, size: blob.size };
  const events: string[] = [];
  for await (const event of parseServerSentEvents((await client.post({ model: "events", json: {}, stream: true })).body)) events.push(event.data);
  results["events"] = events;
  results["loading"] = await (await client.post({ model: "loading", json: {} })).json();
  results["upload"] = await (await client.post({ model: "echo", data: new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }) })).json();
  results["http"] = await client.post({ model: "missing", json: {} }).then(
    () => "resolved",
    (error: unknown) => (InferenceHTTPError.isInstance(error) ? { status: error.status, message: error.serverMessage } : String(error)),
  );
  results["path"] = await client.post({ model: "echo", data: "/etc/passwd" }).then(
    () => "resolved",
    (error: unknown) => (InferenceInputError.isInstance(error) ? error.argument : String(error)),
  );
  // Every binary input a page has: File, ArrayBuffer, a typed-array view (offset into its buffer), a stream.
  const echo = async (data: unknown) => {
    const answer = (await (await client.post({ model: "echo", data: data as Blob })).json()) as { type: string | null; body: number[] };
    return { type: answer.type, body: answer.body };
  };
  const words = new Uint16Array([0x0201, 0x0403, 0x0605]);
  results["binary"] = {
    file: await echo(new File([new Uint8Array([7, 8, 9])], "photo.jpg", { type: "image/jpeg" })),
    arrayBuffer: await echo(new Uint8Array([4, 5, 6]).buffer),
    view: await echo(words.subarray(1)),
    dataView: await echo(new DataView(new Uint8Array([0, 1, 2, 3]).buffer, 1, 2)),
    stream: await echo(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([10, 11]));
          controller.enqueue(new Uint8Array([12]));
          controller.close();
        },
      }),
    ),
  };
  // A local path, however given, is a clear input error in a browser, before any request.
  const before = await requestCount();
  const rejected = async (data: unknown, argument?: string) =>
    client.post({ model: "echo", data: data as Blob, ...(argument ? { dataArgument: argument } : {}) }).then(
      () => "resolved",
      (error: unknown) => (InferenceInputError.isInstance(error) ? { argument: error.argument, message: error.message } : String(error)),
    );
  results["paths"] = {
    relative: await rejected("./cheetah.png", "image"),
    fileUrl: await rejected("file:///tmp/cheetah.png", "image"),
    urlObject: await rejected(new URL("file:///tmp/cheetah.png"), "audio"),
    sentRequests: (await requestCount()) - before,
  };
  // Abort, timeout and the loading wait, over fetch as over undici.
  const outcome = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    const kind = await call().then(
      () => "resolved",
      (error: unknown) =>
        InferenceTimeoutError.isInstance(error)
          ? "timeout"
          : InferenceAbortError.isInstance(error)
            ? `abort:${String((error as Error & { cause?: unknown }).cause)}`
            : `other:${String(error)}`,
    );
    return { kind, ms: Math.round(performance.now() - started) };
  };
  const abortAfter = (ms: number) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort("stopped by the page"), ms);
    return controller.signal;
  };
  results["timing"] = {
    timeout: await outcome(() => client.post({ model: "slow", json: {} }, { timeout: 300 })),
    abort: await outcome(() => client.post({ model: "slow", json: {} }, { signal: abortAfter(300) })),
    loadingTimeout: await outcome(() => client.post({ model: "always-loading", json: {} }, { timeout: 600 })),
    loadingAbort: await outcome(() => client.post({ model: "always-loading", json: {} }, { signal: abortAfter(600) })),
    streamAbort: await outcome(async () => {
      const signal = abortAfter(400);
      const response = await client.post({ model: "slow-events", json: {}, stream: true }, { signal });
      for await (const event of parseServerSentEvents(response.body)) void event;
    }),
  };
  return results;
};
