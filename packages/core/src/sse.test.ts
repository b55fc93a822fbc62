import { describe, expect, it } from "vitest";
import { parseServerSentEvents, type ServerSentEvent } from "./index.js";

const encoder = new TextEncoder();

async function* chunks(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function parse(parts: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(chunks(parts))) events.push(event);
  return events;
}

const STREAM = [
  ": a comment\r\n",
  "retry: 3000\r\n",
  "event: token\r\nid: 1\r\n",
  'data: {"token":{"id":1,"text":"Hé"}}\r\n\r\n',
  "data:first line\n",
  "data: second line\n\n",
  "id: 7\rdata: cr only\r\r",
  "unknown: field\nevent: end\n",
  'data: {"generated_text":"ü 🤗"}\n\n',
  "data: [DONE]\n\n",
].join("");

const EXPECTED: ServerSentEvent[] = [
  { event: "token", data: '{"token":{"id":1,"text":"Hé"}}', id: "1", retry: 3000 },
  { event: "message", data: "first line\nsecond line", id: "1" },
  { event: "message", data: "cr only", id: "7" },
  { event: "end", data: '{"generated_text":"ü 🤗"}', id: "7" },
  { event: "message", data: "[DONE]", id: "7" },
];

describe("parseServerSentEvents", () => {
  it("reads comments, event/id/retry fields, multi-line data, CR, LF and CRLF", async () => {
    expect(await parse([encoder.encode(STREAM)])).toEqual(EXPECTED);
  });

  it("gives the same events at every split point, in two chunks", async () => {
    const bytes = encoder.encode(STREAM);
    for (let split = 0; split <= bytes.length; split++) {
      expect(await parse([bytes.subarray(0, split), bytes.subarray(split)])).toEqual(EXPECTED);
    }
  });

  it("gives the same events at every split point of a stream with LF line ends only", async () => {
    const lfOnly = STREAM.replace(/\r\n|\r/g, "\n");
    const bytes = encoder.encode(lfOnly);
    const reference = await parse([bytes]);
    expect(reference).toEqual(EXPECTED);
    for (let split = 0; split <= bytes.length; split++) {
      expect(await parse([bytes.subarray(0, split), bytes.subarray(split)])).toEqual(reference);
    }
  });

  it("gives the same events fed one byte at a time", async () => {
    const bytes = encoder.encode(STREAM);
    expect(await parse([...bytes].map((byte) => new Uint8Array([byte])))).toEqual(EXPECTED);
  });

  it("gives the same events at every pair of split points", async () => {
    const bytes = encoder.encode(STREAM.slice(0, 120));
    const reference = await parse([bytes]);
    expect(reference.length).toBeGreaterThan(0);
    for (let first = 1; first < bytes.length; first += 3) {
      for (let second = first; second <= bytes.length; second += 5) {
        expect(await parse([bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)])).toEqual(
          reference,
        );
      }
    }
  });

  it("skips a leading byte-order mark and drops an event not closed by a blank line", async () => {
    expect(await parse([encoder.encode("\uFEFFdata: a\n\ndata: unfinished")])).toEqual([
      { event: "message", data: "a", id: "" },
    ]);
  });

  it("returns the source iterator when the loop breaks early", async () => {
    let returned = false;
    const source: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        let count = 0;
        return {
          next: async () => ({ done: false, value: encoder.encode(`data: ${count++}\n\n`) }),
          return: async () => {
            returned = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    for await (const event of parseServerSentEvents(source)) {
      if (event.data === "2") break;
    }
    expect(returned).toBe(true);
  });
});
