import type { ServerResponse } from "node:http";
import {
  createClient,
  GenerationError,
  IncompleteGenerationError,
  InferenceAbortError,
  InferenceOutputError,
  OverloadedError,
  ValidationError,
} from "@infer/core";
import { findTapes } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { textGeneration } from "./index.js";

const flanStream = findTapes("google/flan-t5-xxl", '"stream":true')[0]!;
const oasstStream = findTapes("OpenAssistant/oasst")[0]!;
/** The recorded flan-t5 stream, as the real service sent it. */
const flanEvents = { text: flanStream.response.body, contentType: "text/event-stream" };
// Every test says what the server answers; a request it did not expect gets a 500.
const server = useTaskServer({ json: { error: "no answer queued for this request" }, status: 500 });

const client = () => createClient(server.clientOptions());

const token = (id: number, text: string, special = false) => ({
  token: { id, text, logprob: -0.1, special },
  generated_text: null,
  details: null,
});

function startEvents(response: ServerResponse): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

describe("@infer/task-text-generation", () => {
  describe("textGeneration with stream", () => {
    it("sends stream: true with Accept: text/event-stream and yields the recorded token texts", async () => {
      server.answerNext(flanEvents);
      const stream = await textGeneration(client(), 'repeat "one two three four"', {
        model: "google/flan-t5-xxl",
        stream: true,
      });
      const { items, error } = await collect(stream);
      const request = server.last();
      expect(request.url).toBe("/models/google/flan-t5-xxl");
      expect(request.headers["accept"]).toBe("text/event-stream");
      expect(request.json()).toEqual({ inputs: 'repeat "one two three four"', stream: true });
      expect(error).toBeUndefined();
      // The special token `</s>` of the last event is not text.
      expect(items).toEqual(["one", " two", " three", " four"]);
    });

    it("yields identical tokens when the recorded stream arrives one byte at a time", async () => {
      server.answerNext({ ...flanEvents, bytewise: true });
      const { items, error } = await collect(
        await textGeneration(client(), "x", { model: "google/flan-t5-xxl", stream: true }),
      );
      expect(error).toBeUndefined();
      expect(items).toEqual(["one", " two", " three", " four"]);
    });

    it("yields typed events with details: true, the last one with generated_text", async () => {
      server.answerNext(flanEvents);
      const stream = await textGeneration(client(), "x", { model: "google/flan-t5-xxl", stream: true, details: true });
      const { items } = await collect(stream);
      expect(server.last().json()).toEqual({ inputs: "x", parameters: { details: true }, stream: true });
      expect(items).toHaveLength(5);
      expect(items[0]?.token).toEqual({ id: 80, text: "one", logprob: -0.75390625, special: false });
      expect(items.slice(0, 4).every((event) => event.generated_text === null)).toBe(true);
      expect(items[4]?.token.special).toBe(true);
      expect(items[4]?.generated_text).toBe("one two three four");
    });

    it("reads multi-byte characters, CRLF, comments, event/id lines and unknown fields split at every byte", async () => {
      const events = [
        { ...token(1, "naïve"), index: 1, top_tokens: [] },
        token(2, " 🤗"),
        {
          token: { id: 3, text: "</s>", logprob: -0.1, special: true },
          generated_text: "naïve 🤗",
          details: { finish_reason: "eos_token", generated_tokens: 3, seed: 7 },
        },
      ];
      const body = `: keep-alive\r\n\r\n${events.map((event, index) => `event: message\r\nid: ${index}\r\ndata: ${JSON.stringify(event)}\r\n\r\n`).join("")}`;
      server.answerNext({ text: body, contentType: "text/event-stream", bytewise: true });
      const { items, error } = await collect(
        await textGeneration(client(), "x", { model: "m", stream: true, details: true }),
      );
      expect(error).toBeUndefined();
      expect(items.map((event) => event.token.text)).toEqual(["naïve", " 🤗", "</s>"]);
      expect(items[0]).toEqual(events[0]);
      expect(items[2]?.details).toEqual({ finish_reason: "eos_token", generated_tokens: 3, seed: 7 });
    });

    it("stops at data: [DONE]", async () => {
      server.answerNext({ events: [token(1, "a"), { ...token(2, "b"), generated_text: "ab" }], done: true });
      const { items, error } = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(error).toBeUndefined();
      expect(items).toEqual(["a", "b"]);
    });

    it("throws a clear error when the stream is iterated a second time, instead of yielding nothing", async () => {
      server.answerNext({ events: [token(1, "a"), { ...token(2, "b"), generated_text: "ab" }], done: true });
      const stream = await textGeneration(client(), "x", { model: "m", stream: true });
      expect((await collect(stream)).items).toEqual(["a", "b"]);
      const again = await collect(stream);
      expect(again.items).toEqual([]);
      expect((again.error as Error).name).toBe("InferenceError");
      expect((again.error as Error).message).toMatch(/already iterated/);
    });

    it("throws the recorded validation error event as ValidationError", async () => {
      server.answerNext({ text: oasstStream.response.body, contentType: "text/event-stream" });
      const stream = await textGeneration(client(), "Write a short story", {
        model: "OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5",
        stream: true,
        maxNewTokens: 10000,
      });
      const { items, error } = await collect(stream);
      expect(server.last().json()).toEqual({
        inputs: "Write a short story",
        parameters: { max_new_tokens: 10000 },
        stream: true,
      });
      expect(items).toEqual([]);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).message).toContain("`inputs` tokens + `max_new_tokens` must be <= 4096");
      expect((error as ValidationError).errorType).toBe("validation");
    });

    it("throws an error event that arrives mid-stream, after the tokens before it", async () => {
      const failure = {
        error: "Request failed during generation: Server error: CUDA out of memory",
        error_type: "generation",
      };
      server.answerNext({ events: [token(1, "one"), token(2, " two"), failure] });
      const { items, error } = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(items).toEqual(["one", " two"]);
      expect(GenerationError.isInstance(error)).toBe(true);
      expect((error as GenerationError).body).toEqual(failure);
    });

    it("throws IncompleteGenerationError when the stream ends before its last event", async () => {
      server.answerNext({ events: [token(1, "one"), token(2, " two")] });
      const { items, error } = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(items).toEqual(["one", " two"]);
      expect(IncompleteGenerationError.isInstance(error)).toBe(true);
    });

    it("throws IncompleteGenerationError when the last event is cut off, or [DONE] comes early", async () => {
      const final = JSON.stringify({ ...token(2, "b"), generated_text: "ab" });
      server.answerNext({
        text: `data:${JSON.stringify(token(1, "a"))}\n\ndata:${final}`,
        contentType: "text/event-stream",
      });
      const cut = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(cut.items).toEqual(["a"]);
      expect(IncompleteGenerationError.isInstance(cut.error)).toBe(true);

      server.answerNext({ events: [token(1, "a")], done: true });
      const early = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(IncompleteGenerationError.isInstance(early.error)).toBe(true);
    });

    it("closes the connection when the loop breaks early", async () => {
      let closedEarly!: Promise<boolean>;
      server.answerNext((_request, response) => {
        closedEarly = new Promise((resolve) => response.on("close", () => resolve(!response.writableEnded)));
        startEvents(response);
        response.write(`data:${JSON.stringify(token(1, "one"))}\n\n`);
        response.write(`data:${JSON.stringify(token(2, " two"))}\n\n`);
        // Never ends: only the client can close this connection.
      });
      const tokens: string[] = [];
      for await (const text of await textGeneration(client(), "x", { model: "m", stream: true })) {
        tokens.push(text);
        break;
      }
      expect(tokens).toEqual(["one"]);
      const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve("still open"), 10_000).unref());
      expect(await Promise.race([closedEarly, stillOpen])).toBe(true);
    }, 120_000);

    it("rejects with InferenceAbortError when the signal aborts mid-stream", async () => {
      server.answerNext((_request, response) => {
        startEvents(response);
        response.write(`data:${JSON.stringify(token(1, "one"))}\n\n`);
      });
      const controller = new AbortController();
      const stream = await textGeneration(client(), "x", { model: "m", stream: true, signal: controller.signal });
      const tokens: string[] = [];
      const error = await (async () => {
        for await (const text of stream) {
          tokens.push(text);
          controller.abort(new Error("enough"));
        }
      })().catch((caught: unknown) => caught);
      expect(tokens).toEqual(["one"]);
      expect(InferenceAbortError.isInstance(error)).toBe(true);
      expect(((error as Error).cause as Error).message).toBe("enough");
    });

    it("rejects an event of another shape with InferenceOutputError", async () => {
      server.answerNext({ events: [{ choices: [] }] });
      const { error } = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ choices: [] });

      server.answerNext({ events: ["{not json"] });
      const broken = await collect(await textGeneration(client(), "x", { model: "m", stream: true }));
      expect(InferenceOutputError.isInstance(broken.error)).toBe(true);
    });

    it("rejects before iteration when a stream request is answered with JSON", async () => {
      server.answerNext({ json: { error: "Model is overloaded", error_type: "overloaded" } });
      await expect(textGeneration(client(), "x", { model: "m", stream: true })).rejects.toSatisfy((error: unknown) =>
        OverloadedError.isInstance(error),
      );
      server.answerNext({ json: [{ generated_text: "not a stream" }] });
      await expect(textGeneration(client(), "x", { model: "m", stream: true })).rejects.toSatisfy((error: unknown) =>
        InferenceOutputError.isInstance(error),
      );
    });

    it("streams through client.with(textGeneration)", async () => {
      server.answerNext({ events: [token(1, "a"), { ...token(2, "b"), generated_text: "ab" }] });
      const stream = await client().with(textGeneration).textGeneration("x", { model: "m", stream: true });
      const { items } = await collect(stream);
      expect(items).toEqual(["a", "b"]);
    });
  });
});
