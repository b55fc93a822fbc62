/**
 * One streaming run in a fresh process: `node streaming-runner.js '{"contender", "url", "tokens", "firstTokenRequests"}'`.
 * Consumes one TGI stream of `tokens` events as fast as it comes (after a warm-up stream), then times the first
 * token of `firstTokenRequests` short streams, one after another.
 */
import { median } from "../statistics.js";
import { BENCH_TOKEN, importOptional, printResult, runnerArgument } from "./shared.js";

export type StreamingContender = "infer" | "peer" | "floor" | "undici";

export interface StreamingArgument {
  contender: StreamingContender;
  /** The server's base URL; streams are at `{url}/stream/{tokens}`. */
  url: string;
  tokens: number;
  firstTokenRequests: number;
}

export interface StreamingResult {
  contender: StreamingContender;
  /** Which API was measured, e.g. `textGeneration({stream: true})`. */
  api: string;
  tokensPerSecond: number;
  /** Median time from the call to its first token (raw: first body bytes), in milliseconds. */
  firstTokenMilliseconds: number;
}

/** Starts a stream; the iterable yields once per token (raw: once per body chunk). Iterated as the client returns it. */
type Stream = (url: string, tokens: number) => Promise<AsyncIterable<unknown>>;

type TextGenerationModule = {
  textGeneration?: (
    client: unknown,
    prompt: string,
    options: Record<string, unknown>,
  ) => Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>;
};

const PROMPT = "The benchmark prompt";

async function makeStream(contender: StreamingContender): Promise<{ api: string; stream: Stream }> {
  switch (contender) {
    case "infer": {
      const { createClient, parseServerSentEvents } = await import("@infer/core");
      const client = createClient({ token: BENCH_TOKEN });
      const textGenerationModule = await importOptional<TextGenerationModule>("@infer/task-text-generation");
      const textGeneration = textGenerationModule?.textGeneration;
      if (typeof textGeneration === "function") {
        return {
          api: "`textGeneration(…, {stream: true})`",
          stream: async (url, tokens) =>
            textGeneration(client, PROMPT, { model: url, stream: true, maxNewTokens: tokens }),
        };
      }
      // Until @infer/task-text-generation is built: the same request through post() and the SSE parser.
      return {
        api: "`client.post({stream: true})` + `parseServerSentEvents(response.body)` + `JSON.parse` (text-generation not built yet)",
        stream: async (url, tokens) => {
          const response = await client.post({
            model: url,
            stream: true,
            json: { inputs: PROMPT, parameters: { max_new_tokens: tokens }, stream: true },
          });
          return (async function* () {
            for await (const event of parseServerSentEvents(response.body)) {
              if (event.data === "[DONE]") return;
              const output = JSON.parse(event.data) as { token?: unknown; error?: unknown };
              if (output.error !== undefined) throw new Error(String(output.error));
              yield output;
            }
          })();
        },
      };
    }
    case "peer": {
      const { textGenerationStream } = await import("@huggingface/inference");
      return {
        api: "`textGenerationStream`",
        stream: async (url, tokens) =>
          textGenerationStream({
            accessToken: BENCH_TOKEN,
            endpointUrl: url,
            inputs: PROMPT,
            parameters: { max_new_tokens: tokens },
          }),
      };
    }
    case "floor": {
      const { request } = await import("undici");
      return {
        api: "`undici.request`, lines split with `indexOf`, `JSON.parse` of each `data:` event",
        stream: async (url, tokens) => {
          const body = JSON.stringify({ inputs: PROMPT, parameters: { max_new_tokens: tokens }, stream: true });
          const response = await request(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "text/event-stream",
              authorization: `Bearer ${BENCH_TOKEN}`,
            },
            body,
          });
          return (async function* () {
            const decoder = new TextDecoder();
            let buffer = "";
            for await (const chunk of response.body) {
              buffer += decoder.decode(chunk as Uint8Array, { stream: true });
              let start = 0;
              for (let end = buffer.indexOf("\n", start); end !== -1; end = buffer.indexOf("\n", start)) {
                const line = buffer.slice(start, end);
                start = end + 1;
                if (line.startsWith("data:")) {
                  const data = line.slice(line.charCodeAt(5) === 32 ? 6 : 5);
                  if (data === "[DONE]") return;
                  yield JSON.parse(data) as unknown;
                }
              }
              buffer = buffer.slice(start);
            }
          })();
        },
      };
    }
    case "undici": {
      const { request } = await import("undici");
      return {
        api: "`undici.request`, body bytes read and dropped",
        stream: async (url, tokens) => {
          const body = JSON.stringify({ inputs: PROMPT, parameters: { max_new_tokens: tokens }, stream: true });
          const response = await request(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "text/event-stream",
              authorization: `Bearer ${BENCH_TOKEN}`,
            },
            body,
          });
          return response.body;
        },
      };
    }
  }
}

/** Consumes a stream; resolves to the number of items and the milliseconds to the first one and to the end. */
async function consume(
  stream: Promise<AsyncIterable<unknown>>,
  started: number,
): Promise<{ items: number; first: number; total: number }> {
  let items = 0;
  let first = Number.NaN;
  for await (const _item of await stream) {
    if (items === 0) first = performance.now() - started;
    items++;
  }
  return { items, first, total: performance.now() - started };
}

const argument = runnerArgument<StreamingArgument>();
const { api, stream } = await makeStream(argument.contender);
const streamUrl = (tokens: number) => `${argument.url}/stream/${tokens}`;
const expectItems = (items: number, tokens: number) => {
  // Raw bytes arrive in chunks; every other contender (the parsing floor included) must yield one item per token.
  if (argument.contender !== "undici" && items < tokens)
    throw new Error(`${argument.contender} yielded ${items} of ${tokens} tokens`);
};

const warmupTokens = Math.min(argument.tokens, 20_000);
expectItems((await consume(stream(streamUrl(warmupTokens), warmupTokens), performance.now())).items, warmupTokens);

let started = performance.now();
const whole = await consume(stream(streamUrl(argument.tokens), argument.tokens), started);
expectItems(whole.items, argument.tokens);
const tokensPerSecond = argument.tokens / (whole.total / 1000);

const firstTokens: number[] = [];
const shortTokens = 16;
for (let index = 0; index < argument.firstTokenRequests + 10; index++) {
  started = performance.now();
  const short = await consume(stream(streamUrl(shortTokens), shortTokens), started);
  expectItems(short.items, shortTokens);
  if (index >= 10) firstTokens.push(short.first);
}

printResult({
  contender: argument.contender,
  api,
  tokensPerSecond,
  firstTokenMilliseconds: median(firstTokens),
} satisfies StreamingResult);
