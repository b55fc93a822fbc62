// Runs in Chromium: the browser build of core against the loopback server that served this page.
import { createClient, InferenceHTTPError, InferenceInputError, parseServerSentEvents } from "../browser.js";

const page = globalThis as unknown as { runContract?: () => Promise<Record<string, unknown>>; location: { origin: string } };

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
  return results;
};
