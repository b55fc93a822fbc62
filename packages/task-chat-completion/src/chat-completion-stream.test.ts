import {
  createClient,
  GenerationError,
  IncompleteGenerationError,
  InferenceOutputError,
  UnknownError,
} from "@infer/core";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, expectTypeOf, it } from "vitest";
import { chatCompletion, type ChatCompletionStreamOutput } from "./index.js";

const messages = [{ role: "user", content: "What is the capital of France?" }];
// The chunks TGI's /v1/chat/completions streams, with a field this client does not know.
const chunk = (content: string, finishReason: string | null = null) => ({
  id: "",
  object: "text_completion",
  created: 1710000000,
  model: "HuggingFaceH4/zephyr-7b-beta",
  system_fingerprint: "1.4.3-sha-e6bb3ff",
  choices: [{ index: 0, delta: { role: "assistant", content }, logprobs: null, finish_reason: finishReason }],
  extra_field: 1,
});
const chunks = [chunk("The"), chunk(" capital"), chunk(" is"), chunk(" Paris."), chunk("", "eos_token")];

const server = useTaskServer({ events: chunks, done: true });

const client = () => createClient(server.clientOptions());

async function collect<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

const text = (items: ChatCompletionStreamOutput[]) =>
  items.map((item) => item.choices[0]?.delta.content ?? "").join("");

describe("@infer/task-chat-completion", () => {
  describe("chatCompletion with stream", () => {
    it("sends stream: true with Accept: text/event-stream and yields typed chunks until [DONE]", async () => {
      const stream = await chatCompletion(
        client(),
        { messages, stream: true },
        { model: "HuggingFaceH4/zephyr-7b-beta" },
      );
      expectTypeOf(stream).toEqualTypeOf<AsyncIterable<ChatCompletionStreamOutput>>();
      const { items, error } = await collect(stream);
      const request = server.last();
      expect(request.url).toBe("/models/HuggingFaceH4/zephyr-7b-beta/v1/chat/completions");
      expect(request.headers["accept"]).toBe("text/event-stream");
      expect(request.json()).toEqual({ model: "tgi", messages, stream: true });
      expect(error).toBeUndefined();
      expect(items).toEqual(chunks);
      expect(text(items)).toBe("The capital is Paris.");
      expect(items.at(-1)?.choices[0]?.finish_reason).toBe("eos_token");
    });

    it("throws a clear error when the stream is iterated a second time, instead of yielding nothing", async () => {
      const stream = await chatCompletion(client(), { stream: true, messages }, { model: "m" });
      expect((await collect(stream)).items).toEqual(chunks);
      const again = await collect(stream);
      expect(again.items).toEqual([]);
      expect((again.error as Error).name).toBe("InferenceError");
      expect((again.error as Error).message).toMatch(/already iterated/);
    });

    it("sends stream last in the body", async () => {
      await collect(await chatCompletion(client(), { stream: true, messages, maxTokens: 5 }, { model: "m" }));
      expect(server.last().body.toString("utf8")).toBe(
        `{"model":"tgi","messages":${JSON.stringify(messages)},"max_tokens":5,"stream":true}`,
      );
    });

    it("yields the same chunks when the stream arrives one byte at a time", async () => {
      // data: {chunk}\r\n\r\n… then data: [DONE]\r\n\r\n, one byte per write.
      server.answerNext({ events: chunks, done: true, bytewise: true });
      const { items, error } = await collect(
        await chatCompletion(client(), { messages, stream: true }, { model: "m" }),
      );
      expect(error).toBeUndefined();
      expect(items).toEqual(chunks);
    });

    it("accepts a stream that ends after a finish_reason without [DONE] (older TGI)", async () => {
      server.answerNext({ events: chunks });
      const { items, error } = await collect(
        await chatCompletion(client(), { messages, stream: true }, { model: "m" }),
      );
      expect(error).toBeUndefined();
      expect(items).toHaveLength(5);
    });

    it("throws IncompleteGenerationError when the stream ends with neither [DONE] nor a finish_reason", async () => {
      server.answerNext({ events: chunks.slice(0, 2) });
      const { items, error } = await collect(
        await chatCompletion(client(), { messages, stream: true }, { model: "m" }),
      );
      expect(text(items)).toBe("The capital");
      expect(IncompleteGenerationError.isInstance(error)).toBe(true);
    });

    it("throws a TGI error event as its typed error, after the chunks before it", async () => {
      const failure = {
        error: "Request failed during generation: Server error: Out of memory",
        error_type: "generation",
      };
      server.answerNext({ events: [chunks[0], failure] });
      const { items, error } = await collect(
        await chatCompletion(client(), { messages, stream: true }, { model: "m" }),
      );
      expect(items).toHaveLength(1);
      expect(GenerationError.isInstance(error)).toBe(true);
      expect((error as GenerationError).body).toEqual(failure);
    });

    it("throws an OpenAI-style error event as UnknownError with its message", async () => {
      server.answerNext({ events: [{ error: { message: "upstream failed", type: "server_error" } }] });
      const { error } = await collect(await chatCompletion(client(), { messages, stream: true }, { model: "m" }));
      expect(UnknownError.isInstance(error)).toBe(true);
      expect((error as UnknownError).message).toBe("upstream failed");
      expect((error as UnknownError).errorType).toBe("server_error");
    });

    it("rejects a chunk of another shape with InferenceOutputError", async () => {
      server.answerNext({ events: [{ token: { text: "a" } }] });
      const { error } = await collect(await chatCompletion(client(), { messages, stream: true }, { model: "m" }));
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ token: { text: "a" } });
    });

    it("rejects before iteration when a stream request is answered with JSON", async () => {
      server.answerNext({ json: { choices: [] } });
      await expect(chatCompletion(client(), { messages, stream: true }, { model: "m" })).rejects.toSatisfy(
        (error: unknown) => InferenceOutputError.isInstance(error),
      );
    });

    it("closes the connection when the loop breaks early", async () => {
      let closedEarly!: Promise<boolean>;
      server.answerNext((_request, response) => {
        closedEarly = new Promise((resolve) => response.on("close", () => resolve(!response.writableEnded)));
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write(`data: ${JSON.stringify(chunks[0])}\n\n`);
        response.write(`data: ${JSON.stringify(chunks[1])}\n\n`);
        // Never ends: only the client can close this connection.
      });
      const received: ChatCompletionStreamOutput[] = [];
      for await (const item of await chatCompletion(client(), { messages, stream: true }, { model: "m" })) {
        received.push(item);
        break;
      }
      expect(received).toHaveLength(1);
      const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve("still open"), 10_000).unref());
      expect(await Promise.race([closedEarly, stillOpen])).toBe(true);
    }, 120_000);

    it("streams through client.with(chatCompletion)", async () => {
      const stream = await client().with(chatCompletion).chatCompletion({ messages, stream: true }, { model: "m" });
      expectTypeOf(stream).toEqualTypeOf<AsyncIterable<ChatCompletionStreamOutput>>();
      expect(text((await collect(stream)).items)).toBe("The capital is Paris.");
    });
  });
});
