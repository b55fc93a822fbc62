import { InferenceOutputError } from "../errors/output-error.js";
import { readJsonEvents, type JsonEventsEnd } from "../json-events.js";
import type { InferenceResponse } from "../response.js";
import { isObject } from "../task-kit.js";

/** Reads one streamed choice of an OpenAI-style chunk: its text (`undefined` when it has none) and its token. */
export type ChoiceReader = (choice: Record<string, unknown>) => {
  text: unknown;
  tokenId: unknown;
  logprob: unknown;
};

const TASK = "text-generation";

/**
 * OpenAI's completion chunks (`choices[0].text`, or a chat chunk's `delta.content`) as TGI's stream events: one
 * `{token, generated_text: null, details: null}` per piece of text as it comes, then, at `[DONE]` (or the end of
 * a body that gave a `finish_reason`), a last special token with empty text carrying `generated_text` and
 * `details`. A body that ends before either yields no last event, which the task reports as incomplete. An
 * `{error}` event throws its typed error.
 */
async function* tgiEvents(response: InferenceResponse, read: ChoiceReader): AsyncGenerator<Record<string, unknown>> {
  const end: JsonEventsEnd = { done: false };
  let generated = "";
  let tokens = 0;
  let finishReason: string | undefined;
  let seed: number | null = null;
  let usageTokens: number | undefined;
  for await (const payload of readJsonEvents(response, TASK, end)) {
    const choices = isObject(payload) ? payload["choices"] : undefined;
    if (!Array.isArray(choices))
      throw new InferenceOutputError({ task: TASK, expected: "stream chunks {choices: [...]}", body: payload });
    const usage = isObject(payload) ? payload["usage"] : undefined;
    if (isObject(usage) && typeof usage["completion_tokens"] === "number") usageTokens = usage["completion_tokens"];
    const choice: unknown = choices[0];
    if (choice === undefined) continue;
    if (!isObject(choice))
      throw new InferenceOutputError({ task: TASK, expected: "stream chunks {choices: [...]}", body: payload });
    const { text, tokenId, logprob } = read(choice);
    if (text != null && typeof text !== "string")
      throw new InferenceOutputError({ task: TASK, expected: "a chunk's text as a string", body: payload });
    if (typeof choice["finish_reason"] === "string") finishReason = choice["finish_reason"];
    if (typeof choice["seed"] === "number") seed = choice["seed"];
    if (typeof text !== "string" || text === "") continue;
    generated += text;
    tokens++;
    yield {
      token: {
        id: typeof tokenId === "number" ? tokenId : -1,
        text,
        logprob: typeof logprob === "number" ? logprob : null,
        special: false,
      },
      generated_text: null,
      details: null,
    };
  }
  if (!end.done && finishReason === undefined) return;
  yield {
    token: { id: -1, text: "", logprob: null, special: true },
    generated_text: generated,
    details: { finish_reason: finishReason ?? "unknown", generated_tokens: usageTokens ?? tokens, seed },
  };
}

/**
 * The provider's OpenAI-style stream re-encoded as TGI's Server-Sent Events, so the text-generation task reads
 * it as it reads TGI's. A JSON answer (an error in a 2xx body, a provider that ignored `stream`) is handed on
 * as is, for the task to report.
 */
export function tgiStream(response: InferenceResponse, read: ChoiceReader): InferenceResponse {
  if (/^application\/json\b/i.test(response.header("content-type") ?? "")) return response;
  const headers = new Headers({ "content-type": "text/event-stream" });
  // A second read reaches the provider's response, which reports it.
  const body = (): AsyncIterable<Uint8Array> => {
    const encoder = new TextEncoder();
    return (async function* () {
      for await (const event of tgiEvents(response, read)) yield encoder.encode(`data:${JSON.stringify(event)}\n\n`);
    })();
  };
  const text = async (): Promise<string> => {
    let all = "";
    const decoder = new TextDecoder();
    for await (const chunk of body()) all += decoder.decode(chunk, { stream: true });
    return all + decoder.decode();
  };
  const bytes = async (): Promise<Uint8Array> => new TextEncoder().encode(await text());
  return {
    status: response.status,
    url: response.url,
    headers,
    header: (name) => headers.get(name) ?? undefined,
    json: () =>
      text().then((events) => {
        throw new InferenceOutputError({ task: TASK, expected: "JSON", body: events });
      }),
    text,
    bytes,
    arrayBuffer: async () => (await bytes()).slice().buffer as ArrayBuffer,
    blob: async () => new Blob([(await bytes()) as Uint8Array<ArrayBuffer>], { type: "text/event-stream" }),
    get body() {
      return body();
    },
    cancel: () => response.cancel(),
  };
}
