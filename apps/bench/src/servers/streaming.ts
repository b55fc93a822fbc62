import type { IncomingMessage, ServerResponse } from "node:http";

const SLICE_BYTES = 64 * 1024;
const WORDS = [" the", " quick", " brown", " fox", " jumps", " over", " a", " lazy", " dog", "."];
const payloads = new Map<number, Buffer>();

/**
 * A TGI `generate_stream` answer of `tokens` events, one `data:` line each, the last carrying
 * `generated_text` and `details`, as TGI sends them.
 */
export function tgiStream(tokens: number): Buffer {
  let payload = payloads.get(tokens);
  if (payload) return payload;
  const parts: string[] = [];
  const generated: string[] = [];
  for (let index = 0; index < tokens; index++) {
    const text = WORDS[index % WORDS.length] as string;
    generated.push(text);
    const last = index === tokens - 1;
    const event = {
      index: index + 1,
      token: { id: 1000 + (index % WORDS.length), text, logprob: -0.25, special: false },
      generated_text: last ? generated.join("") : null,
      details: last ? { finish_reason: "length", generated_tokens: tokens, seed: null } : null,
    };
    parts.push(`data:${JSON.stringify(event)}\n\n`);
  }
  payload = Buffer.from(parts.join(""));
  payloads.set(tokens, payload);
  return payload;
}

/** The token count in a path such as `/stream/100000` (or the peer's `/stream/100000/v1/completions`). */
export function tokensOf(url: string | undefined): number {
  const match = /\/stream\/(\d+)/.exec(url ?? "");
  return match ? Number(match[1]) : 16;
}

/** Answers a TGI stream as fast as the socket takes it, in 64 KiB writes. */
export function answerStream(request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void): void {
  const payload = tgiStream(tokensOf(request.url));
  request.on("data", (chunk: Buffer) => count(chunk.byteLength));
  request.on("end", () => {
    void (async () => {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      for (let offset = 0; offset < payload.byteLength; offset += SLICE_BYTES) {
        if (!response.write(payload.subarray(offset, offset + SLICE_BYTES)) && !(await drained(response))) return;
      }
      response.end();
    })();
  });
}

/** Waits for the socket to take more; false when the client went away first. */
function drained(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (value: boolean) => {
      response.off("drain", onDrain);
      response.off("close", onClose);
      resolve(value);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    response.on("drain", onDrain);
    response.on("close", onClose);
  });
}
