import {
  createClient,
  InferenceHTTPError,
  InferenceInputError,
  InferenceOutputError,
  ValidationError,
} from "@infer/core";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, expectTypeOf, it } from "vitest";
import { chatCompletion, type ChatCompletionInput, type ChatCompletionOutput } from "./index.js";

// The shape TGI's /v1/chat/completions answers (TGI 1.4+), with a field this client does not know.
const answer = {
  object: "text_completion",
  id: "",
  created: 1710000000,
  model: "HuggingFaceH4/zephyr-7b-beta",
  system_fingerprint: "1.4.3-sha-e6bb3ff",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "The capital of France is Paris." },
      logprobs: null,
      finish_reason: "eos_token",
    },
  ],
  usage: { prompt_tokens: 18, completion_tokens: 8, total_tokens: 26 },
  extra_field: { kept: true },
};
const messages = [
  { role: "system", content: "You are terse." },
  { role: "user", content: "What is the capital of France?" },
];

const server = useTaskServer({ json: answer });

const client = () => createClient(server.clientOptions());

describe("@infer/task-chat-completion", () => {
  describe("chatCompletion", () => {
    it("POSTs OpenAI's body to /models/{model}/v1/chat/completions and returns the typed answer", async () => {
      const output = await chatCompletion(
        client(),
        { messages, maxTokens: 100 },
        { model: "HuggingFaceH4/zephyr-7b-beta" },
      );
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/HuggingFaceH4/zephyr-7b-beta/v1/chat/completions");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ model: "tgi", messages, max_tokens: 100 });
      expect(output).toEqual(answer);
      expect(output.choices[0]?.message.content).toBe("The capital of France is Paris.");
      expect(output.usage?.total_tokens).toBe(26);
    });

    it("sends the parameters in snake_case, tools and response_format as given", async () => {
      const tools = [
        {
          type: "function" as const,
          function: {
            name: "get_weather",
            description: "Weather of a city",
            parameters: { type: "object", properties: { cityName: { type: "string" } } },
          },
        },
      ];
      const responseFormat = { type: "json", value: { properties: { firstName: { type: "string" } } } };
      await chatCompletion(
        client(),
        {
          messages,
          model: "my-model",
          maxTokens: 10,
          temperature: 0.5,
          topP: 0.9,
          stop: ["\n"],
          seed: 3,
          frequencyPenalty: 0.1,
          presencePenalty: -0.1,
          logprobs: true,
          topLogprobs: 2,
          n: 1,
          tools,
          toolChoice: { type: "function", function: { name: "get_weather" } },
          toolPrompt: "Use a tool",
          responseFormat,
          logitBias: { "50256": -100 },
        },
        { model: "m" },
      );
      expect(server.last().json()).toEqual({
        model: "my-model",
        messages,
        max_tokens: 10,
        temperature: 0.5,
        top_p: 0.9,
        stop: ["\n"],
        seed: 3,
        frequency_penalty: 0.1,
        presence_penalty: -0.1,
        logprobs: true,
        top_logprobs: 2,
        n: 1,
        tools,
        tool_choice: { type: "function", function: { name: "get_weather" } },
        tool_prompt: "Use a tool",
        response_format: responseFormat,
        logit_bias: { "50256": -100 },
      });
    });

    it("appends the route to a model URL once, and to the client's model", async () => {
      await chatCompletion(client(), { messages }, { model: `${server.url}/` });
      expect(server.last().url).toBe("/v1/chat/completions");
      await chatCompletion(client(), { messages }, { model: `${server.url}/v1/chat/completions` });
      expect(server.last().url).toBe("/v1/chat/completions");
      await chatCompletion(createClient({ endpoint: server.url, token: false, model: "client/model" }), {
        messages,
        model: "body-model",
      });
      expect(server.last().url).toBe("/models/client/model/v1/chat/completions");
      expect((server.last().json() as { model: string }).model).toBe("body-model");
    });

    it("routes to input.model when neither the call nor the client names a model", async () => {
      await chatCompletion(createClient({ endpoint: server.url, token: false }), {
        messages,
        model: "HuggingFaceH4/zephyr-7b-beta",
      });
      expect(server.last().url).toBe("/models/HuggingFaceH4/zephyr-7b-beta/v1/chat/completions");
      expect((server.last().json() as { model: string }).model).toBe("HuggingFaceH4/zephyr-7b-beta");
    });

    it("turns an error answer with error_type into the typed TGI error, the HTTP error as cause", async () => {
      const body = {
        error: "Input validation error: `max_tokens` must be strictly positive",
        error_type: "validation",
      };
      server.answerNext({ json: body, status: 422 });
      const error = await chatCompletion(client(), { messages }, { model: "m" }).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).message).toBe(body.error);
      expect(InferenceHTTPError.isInstance((error as Error).cause)).toBe(true);
    });

    it("leaves an error answer without error_type as InferenceHTTPError", async () => {
      server.answerNext({ json: { error: { message: "Not found", type: "invalid_request_error" } }, status: 404 });
      const error = await chatCompletion(client(), { messages }, { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceHTTPError.isInstance(error)).toBe(true);
      expect((error as InferenceHTTPError).status).toBe(404);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ generated_text: "no" }] });
      const error = await chatCompletion(client(), { messages }, { model: "m" }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ generated_text: "no" }]);
    });

    it("rejects bad messages before any request, naming the argument", async () => {
      const before = server.requests.length;
      const cases: [unknown, string][] = [
        [undefined, "input"],
        [{}, "input.messages"],
        [{ messages: [] }, "input.messages"],
        [{ messages: "Hi" }, "input.messages"],
        [{ messages: ["Hi"] }, "input.messages[0]"],
        [{ messages: [{ content: "Hi" }] }, "input.messages[0].role"],
        [{ messages: [{ role: "user", content: "Hi" }, { role: "user" }] }, "input.messages[1].content"],
        [{ messages: [{ role: "user", content: 42 }] }, "input.messages[0].content"],
      ];
      for (const [input, argument] of cases) {
        const error = await chatCompletion(client(), input as ChatCompletionInput, { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error), argument).toBe(true);
        expect((error as InferenceInputError).argument).toBe(argument);
      }
      expect(server.requests.length).toBe(before);
    });

    it("accepts content parts, and an assistant message with tool_calls and no content", async () => {
      const conversation: ChatCompletionInput["messages"] = [
        { role: "user", content: [{ type: "text", text: "Weather in Paris?" }] },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "0", type: "function", function: { name: "get_weather", arguments: { city: "Paris" } } }],
        },
        { role: "tool", content: "Sunny", tool_call_id: "0" },
      ];
      await chatCompletion(client(), { messages: conversation }, { model: "m" });
      expect((server.last().json() as { messages: unknown }).messages).toEqual(conversation);
    });

    it("rejects parameters out of range before any request", async () => {
      const before = server.requests.length;
      const cases: [Partial<ChatCompletionInput>, string][] = [
        [{ maxTokens: 0 }, "input.maxTokens"],
        [{ temperature: -1 }, "input.temperature"],
        [{ topP: 0 }, "input.topP"],
        [{ topP: 1.5 }, "input.topP"],
        [{ n: 0 }, "input.n"],
        [{ seed: 1.5 }, "input.seed"],
        [{ frequencyPenalty: 3 }, "input.frequencyPenalty"],
        [{ stop: [1] as unknown as string[] }, "input.stop"],
        [{ stream: "yes" as unknown as boolean }, "input.stream"],
        [{ tools: {} as unknown as [] }, "input.tools"],
      ];
      for (const [parameters, argument] of cases) {
        const error = await chatCompletion(client(), { messages, ...parameters }, { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error), argument).toBe(true);
        expect((error as InferenceInputError).argument).toBe(argument);
      }
      expect(server.requests.length).toBe(before);
    });

    it("names the first bad argument in a fixed order: messages, model, numbers, stop, booleans, tools", async () => {
      const cases: [unknown, string][] = [
        [{ messages: [], model: 1 }, "input.messages"],
        [{ messages, model: 1, maxTokens: 0 }, "input.model"],
        [{ messages, n: 0, maxTokens: 0 }, "input.maxTokens"],
        [{ messages, presencePenalty: 3, frequencyPenalty: 3 }, "input.frequencyPenalty"],
        [{ messages, stop: 1, topLogprobs: -1 }, "input.topLogprobs"],
        [{ messages, logprobs: 1, stop: 1 }, "input.stop"],
        [{ messages, logprobs: 1, stream: 1 }, "input.stream"],
        [{ messages, tools: 1, logprobs: 1 }, "input.logprobs"],
      ];
      for (const [input, argument] of cases) {
        const error = await chatCompletion(client(), input as ChatCompletionInput, { model: "m" }).catch(
          (caught: unknown) => caught,
        );
        expect((error as InferenceInputError).argument, argument).toBe(argument);
      }
    });

    it("explains the rejected value in the message", async () => {
      const error = await chatCompletion(client(), { messages, topP: 1.5 }, { model: "m" }).catch(
        (caught: unknown) => caught,
      );
      expect((error as InferenceInputError).message).toBe(
        "Invalid argument `input.topP`: expected a number > 0 and ≤ 1, got 1.5",
      );
      const flag = await chatCompletion(
        client(),
        { messages, logprobs: "yes" as unknown as boolean },
        { model: "m" },
      ).catch((caught: unknown) => caught);
      expect((flag as InferenceInputError).message).toBe(
        "Invalid argument `input.logprobs`: expected a boolean, got string",
      );
    });

    it("sends model and messages first, then the parameters in the order given, stream last", async () => {
      await chatCompletion(client(), { maxTokens: 5, stream: false, temperature: 0.5, messages }, { model: "m" });
      expect(server.last().body.toString("utf8")).toBe(
        `{"model":"tgi","messages":${JSON.stringify(messages)},"max_tokens":5,"temperature":0.5}`,
      );
    });

    it("is a method after client.with(chatCompletion), typed by stream", async () => {
      const output = await client().with(chatCompletion).chatCompletion({ messages }, { model: "m" });
      expectTypeOf(output).toEqualTypeOf<ChatCompletionOutput>();
      expect(output.choices).toHaveLength(1);
      expect(chatCompletion.taskName).toBe("chat-completion");
      expect(chatCompletion.methodName).toBe("chatCompletion");
    });
  });
});
