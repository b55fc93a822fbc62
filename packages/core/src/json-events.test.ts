import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InferenceOutputError, ValidationError } from "./index.js";
import { expectEventStream, readJsonEventBatches, readJsonEvents } from "./task-kit-entry.js";

const streams: Record<string, string> = {
  "/models/done": 'data: {"n":1}\n\n: comment\n\ndata: \n\ndata: {"n":2}\n\ndata: [DONE]\n\n',
  "/models/open": 'data: {"n":1}\n\n',
  "/models/bad": "data: {not json\n\n",
  "/models/error": 'data: {"n":1}\n\ndata: {"error":"bad input","error_type":"validation"}\n\n',
  "/models/after-done": 'data: {"n":1}\n\ndata: [DONE]\n\ndata: {"n":2}\n\n',
};

/**
 * A stream the test writes a step at a time, each step once the client has read the one before it: the
 * batches it yields do not depend on how fast the machine is.
 */
const STEPS = [
  ['data: {"n":1}\n\ndata: {"n":2}\n\n'],
  // The third event split across two writes: it belongs to the chunk that completes it, however they arrive.
  ['data: {"n', '":3}\n\n'],
  [": only a comment\n\n", 'data: {"n":4}\n\ndata: [DONE]\n\n'],
];
let stepped: import("node:http").ServerResponse | undefined;
async function writeStep(index: number): Promise<void> {
  for (const part of STEPS[index] ?? []) {
    stepped?.write(part);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (index === STEPS.length - 1) stepped?.end();
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === "/models/json")
      return sendJson(response, { error: "Input validation error", error_type: "validation" });
    response.writeHead(200, { "content-type": "text/event-stream" });
    if (request.url === "/models/steps") {
      stepped = response;
      return void writeStep(0);
    }
    response.end(streams[request.url ?? ""] ?? "");
  });
});
afterAll(() => server.close());

const post = (model: string) =>
  createClient({ endpoint: server.url, token: false }).post({ model, json: {}, stream: true });

async function collect(model: string, end = { done: false }): Promise<unknown[]> {
  const payloads: unknown[] = [];
  for await (const payload of readJsonEvents(await post(model), "text-generation", end)) payloads.push(payload);
  return payloads;
}

describe("readJsonEvents", () => {
  it("yields each JSON payload, skips empty data, and marks [DONE]", async () => {
    const end = { done: false };
    expect(await collect("done", end)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(end.done).toBe(true);
  });

  it("leaves done unset when the body ends without [DONE]", async () => {
    const end = { done: false };
    expect(await collect("open", end)).toEqual([{ n: 1 }]);
    expect(end.done).toBe(false);
  });

  it("throws InferenceOutputError for data that is not JSON, and the typed TGI error for an error event", async () => {
    const bad = await collect("bad").catch((error: unknown) => error);
    expect(InferenceOutputError.isInstance(bad) && bad.body).toBe("{not json");
    const typed = await collect("error").catch((error: unknown) => error);
    expect(ValidationError.isInstance(typed) && typed.message).toBe("bad input");
  });
});

describe("readJsonEventBatches", () => {
  it("gives the payloads a chunk completed together, skips chunks that completed none, and marks [DONE]", async () => {
    const end = { done: false };
    const seen: unknown[][] = [];
    for await (const batch of readJsonEventBatches(await post("steps"), "text-generation", end)) {
      seen.push(batch);
      await writeStep(seen.length);
    }
    expect(seen).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }], [{ n: 4 }]]);
    expect(end.done).toBe(true);
  });

  it("yields the payloads before an error event of the same chunk, then throws its typed error", async () => {
    const seen: unknown[][] = [];
    const error = await (async () => {
      for await (const batch of readJsonEventBatches(await post("error"), "text-generation")) seen.push(batch);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual([[{ n: 1 }]]);
    expect(ValidationError.isInstance(error) && error.message).toBe("bad input");
  });

  it("stops at [DONE] in the middle of a chunk: nothing after it is read", async () => {
    const end = { done: false };
    const seen: unknown[][] = [];
    for await (const batch of readJsonEventBatches(await post("after-done"), "text-generation", end)) seen.push(batch);
    expect(seen).toEqual([[{ n: 1 }]]);
    expect(end.done).toBe(true);
  });
});

describe("expectEventStream", () => {
  it("passes an event stream and throws what a JSON answer carries", async () => {
    await expect(expectEventStream(await post("done"), "text-generation")).resolves.toBeUndefined();
    await expect(expectEventStream(await post("json"), "text-generation")).rejects.toSatisfy(
      ValidationError.isInstance,
    );
  });
});
