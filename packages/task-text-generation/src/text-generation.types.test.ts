import { createClient } from "@infer/core";
import { sendEvents, sendJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  textGeneration,
  type TextGenerationOutput,
  type TextGenerationResult,
  type TextGenerationStreamEvent,
} from "./index.js";

// Events for a stream request, JSON otherwise.
const server = useTaskServer((request, response) => {
  const body = request.json() as { stream?: boolean };
  if (body.stream) {
    return sendEvents(response, [
      { token: { id: 1, text: "a", logprob: 0, special: false }, generated_text: "a", details: null },
    ]);
  }
  sendJson(response, [{ generated_text: "a" }]);
});

const client = () => createClient({ ...server.clientOptions(), token: false });

// The compiler checks these (npx tsc -p tsconfig.json); the calls run against the server too.
describe("@infer/task-text-generation", () => {
  describe("textGeneration types", () => {
    it("resolves to string without stream or details", async () => {
      const text = await textGeneration(client(), "x", { model: "m", maxNewTokens: 5 });
      expectTypeOf(text).toEqualTypeOf<string>();
      const promise = textGeneration(createClient({ endpoint: server.url, token: false, model: "m" }), "x");
      expectTypeOf(promise).toEqualTypeOf<Promise<string>>();
      expect(text).toBe("a");
      expect(await promise).toBe("a");
    });

    it("resolves to the typed answer with details: true", async () => {
      const output = await textGeneration(client(), "x", { model: "m", details: true });
      expectTypeOf(output).toEqualTypeOf<TextGenerationOutput>();
      expect(output.generated_text).toBe("a");
    });

    it("resolves to token texts with stream: true, and to events with details too", async () => {
      const tokens = await textGeneration(client(), "x", { model: "m", stream: true });
      expectTypeOf(tokens).toEqualTypeOf<AsyncIterable<string>>();
      const events = await textGeneration(client(), "x", { model: "m", stream: true, details: true });
      expectTypeOf(events).toEqualTypeOf<AsyncIterable<TextGenerationStreamEvent>>();
      for await (const event of events) expect(event.generated_text).toBe("a");
    });

    it("keeps what is known when stream is only known at run time (no details: text or a text stream)", async () => {
      const stream = Math.random() > 2;
      const result = await textGeneration(client(), "x", { model: "m", stream });
      expectTypeOf(result).toEqualTypeOf<string | AsyncIterable<string>>();
      expectTypeOf(result).toMatchTypeOf<TextGenerationResult>();
      expect(result).toBe("a");
    });

    it("keeps the overloads as a client method", async () => {
      const methods = client().with(textGeneration);
      expectTypeOf(await methods.textGeneration("x", { model: "m" })).toEqualTypeOf<string>();
      expectTypeOf(
        await methods.textGeneration("x", { model: "m", details: true }),
      ).toEqualTypeOf<TextGenerationOutput>();
      const tokens = await methods.textGeneration("x", { model: "m", stream: true });
      expectTypeOf(tokens).toEqualTypeOf<AsyncIterable<string>>();
      const collected: string[] = [];
      for await (const token of tokens) collected.push(token);
      expect(collected).toEqual(["a"]);
    });
  });
});
