import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareBinary, readBinary, type BinarySources } from "../binary.js";
import { InferenceError, InferenceInputError, parseServerSentEvents, type InferenceResponse } from "../index.js";
import { modelUrl, readJsonEvents } from "../task-kit-entry.js";
import { rememberSecret, safeUrl } from "../redaction.js";
import { appendPath } from "../url.js";

// Property-based tests (fast-check): fixed seeds would hide nothing the shrinker shows, so runs are random,
// bounded in count; a failure prints its seed and the shrunk counterexample.
const RUNS = { numRuns: 200 };

async function* chunks(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(bytes.subarray(start, point));
    start = point;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

async function parse(parts: Uint8Array[]) {
  const events = [];
  for await (const event of parseServerSentEvents(chunks(parts))) events.push(event);
  return events;
}

const lineText = fc.string({ unit: "grapheme", maxLength: 30 }).map((text) => text.replace(/[\r\n]/g, ""));
const sseEvent = fc.record({
  event: fc.option(
    lineText.filter((text) => !text.startsWith(" ")),
    { nil: undefined },
  ),
  id: fc.option(fc.stringMatching(/^[a-z0-9]{0,8}$/), { nil: undefined }),
  data: fc.array(lineText, { minLength: 1, maxLength: 4 }),
  comment: fc.boolean(),
});

describe("properties", () => {
  it("SSE: any chunking of any valid stream gives the same events as reading it whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sseEvent, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (events, end, cuts) => {
          const text = events
            .map(
              ({ event, id, data, comment }) =>
                [
                  comment ? ": note" : undefined,
                  event !== undefined ? `event: ${event}` : undefined,
                  id !== undefined ? `id: ${id}` : undefined,
                  ...data.map((line) => `data: ${line}`),
                ]
                  .filter((line) => line !== undefined)
                  .join(end) +
                end +
                end,
            )
            .join("");
          const bytes = new TextEncoder().encode(text);
          const whole = await parse([bytes]);
          expect(await parse(split(bytes, cuts))).toEqual(whole);
          expect(whole.map((event) => event.data)).toEqual(events.map((event) => event.data.join("\n")));
        },
      ),
      RUNS,
    );
  });

  it("SSE and JSON events: random bytes never throw anything but an InferenceError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        await parse(split(bytes, cuts));
        const response = { body: chunks(split(bytes, cuts)), header: () => undefined } as unknown as InferenceResponse;
        try {
          for await (const _payload of readJsonEvents(response, "text-generation"));
        } catch (error) {
          expect(InferenceError.isInstance(error), String(error)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("SSE: JSON events with random payloads never throw anything but an InferenceError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.json(), { maxLength: 5 }), async (payloads) => {
        const text = payloads.map((payload) => `data: ${payload}\n\n`).join("");
        const response = {
          body: chunks([new TextEncoder().encode(text)]),
          header: () => undefined,
        } as unknown as InferenceResponse;
        try {
          for await (const _payload of readJsonEvents(response, "chat-completion"));
        } catch (error) {
          expect(InferenceError.isInstance(error), String(error)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  const sources: BinarySources = {
    openFile: () => Promise.reject(new Error("no files here")),
    download: () => Promise.reject(new Error("no downloads here")),
  };

  it("binary inputs: every form of the same bytes reads back as those bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.nat(5),
        async (bytes, cuts, form) => {
          const parts = split(bytes, cuts);
          const inputs = [
            () => bytes,
            () => bytes.slice().buffer,
            () => new DataView(bytes.slice().buffer),
            () => new Blob([bytes.slice()]),
            () => chunks(parts),
            () =>
              new ReadableStream<Uint8Array>({
                start(controller) {
                  for (const part of parts) controller.enqueue(part.slice());
                  controller.close();
                },
              }),
          ];
          const read = await readBinary((inputs[form] as () => unknown)(), "image", sources);
          expect([...read]).toEqual([...bytes]);
          const prepared = await prepareBinary((inputs[form] as () => unknown)(), "image", sources);
          expect(prepared.size).toBe(bytes.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("binary inputs: anything else is an InferenceInputError naming the argument, before any request", async () => {
    const other = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
      fc.array(fc.integer()),
    );
    await fc.assert(
      fc.asyncProperty(other, async (value) => {
        const error = await prepareBinary(value, "audio", sources).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error)).toBe(true);
        expect((error as InferenceInputError).argument).toBe("audio");
      }),
      RUNS,
    );
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
  const modelId = fc
    .tuple(fc.option(segment, { nil: undefined }), segment)
    .map(([org, name]) => (org ? `${org}/${name}` : name));
  const endpoint = fc.constantFrom(
    "https://router.huggingface.co/hf-inference",
    "http://127.0.0.1:8080",
    "https://example.com/api/v1",
  );
  const task = fc.option(
    fc.constantFrom("feature-extraction", "sentence-similarity", "text-classification", "fill-mask"),
    { nil: undefined },
  );

  it("model resolution: a Hub id lands under the endpoint; a URL is used as is", () => {
    fc.assert(
      fc.property(
        endpoint,
        fc.constantFrom("router", "legacy") as fc.Arbitrary<"router" | "legacy">,
        modelId,
        task,
        (base, layout, model, name) => {
          const url = modelUrl(base, layout, model, name);
          expect(url.startsWith(`${base}/`)).toBe(true);
          expect(url).toContain(model);
          expect(new URL(url).href).toBeTruthy();
          expect(modelUrl(base, layout, url, name)).toBe(url);
        },
      ),
      RUNS,
    );
  });

  it("URLs: appending a route is idempotent", () => {
    fc.assert(
      fc.property(
        endpoint,
        modelId,
        fc.constantFrom("/v1/chat/completions", "/v1/completions"),
        (base, model, path) => {
          const once = appendPath(`${base}/models/${model}`, path);
          expect(once.endsWith(path)).toBe(true);
          expect(appendPath(once, path)).toBe(once);
          expect(appendPath(`${once}/`, path)).toBe(once);
        },
      ),
      RUNS,
    );
  });

  it("URLs in errors: secret query values and passwords never show, other parameters stay", () => {
    const secretName = fc.constantFrom("token", "api_key", "access_token", "X-Amz-Signature", "sig", "password", "key");
    const value = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/);
    fc.assert(
      fc.property(endpoint, secretName, value, value, (base, name, secret, password) => {
        rememberSecret(undefined);
        const url = new URL(`${base}/models/m`);
        url.searchParams.set(name, secret);
        url.searchParams.set("page", "2");
        url.username = "user";
        url.password = password;
        const safe = safeUrl(url.href);
        expect(safe).not.toContain(secret);
        expect(safe).not.toContain(password);
        expect(safe).toContain("page=2");
      }),
      RUNS,
    );
  });
});
