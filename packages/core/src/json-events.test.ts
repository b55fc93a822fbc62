import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InferenceOutputError, ValidationError } from "./index.js";
import { expectEventStream, readJsonEvents } from "./task-kit-entry.js";

const streams: Record<string, string> = {
  "/models/done": 'data: {"n":1}\n\n: comment\n\ndata: \n\ndata: {"n":2}\n\ndata: [DONE]\n\n',
  "/models/open": 'data: {"n":1}\n\n',
  "/models/bad": "data: {not json\n\n",
  "/models/error": 'data: {"n":1}\n\ndata: {"error":"bad input","error_type":"validation"}\n\n',
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === "/models/json")
      return sendJson(response, { error: "Input validation error", error_type: "validation" });
    response.writeHead(200, { "content-type": "text/event-stream" });
    response.end(streams[request.url] ?? "");
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

describe("expectEventStream", () => {
  it("passes an event stream and throws what a JSON answer carries", async () => {
    await expect(expectEventStream(await post("done"), "text-generation")).resolves.toBeUndefined();
    await expect(expectEventStream(await post("json"), "text-generation")).rejects.toSatisfy(
      ValidationError.isInstance,
    );
  });
});
