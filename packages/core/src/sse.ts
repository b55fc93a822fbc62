/** One Server-Sent Event. */
export interface ServerSentEvent {
  /** The `event:` field; `"message"` when absent. */
  event: string;
  /** The `data:` lines, joined with "\n". */
  data: string;
  /** The last `id:` seen, or "" */
  id: string;
  /** The `retry:` field in milliseconds, when this event carried one. */
  retry?: number;
}

/**
 * Parses a byte stream as Server-Sent Events (the WHATWG event-stream format), whatever the chunking:
 * CR, LF and CRLF line ends (even split across chunks), comments, `event:`/`id:`/`retry:` fields and
 * multi-line `data`. Breaking out of the loop returns the source iterator, which closes the connection.
 */
export async function* parseServerSentEvents(source: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const parser = createServerSentEventParser();
  for await (const chunk of source) {
    const events = parser.feed(chunk);
    for (let index = 0; index < events.length; index++) yield events[index] as ServerSentEvent;
  }
  // A stream that ends without a blank line: the last event is incomplete, and the standard drops it.
}

/** An incremental Server-Sent Events parser: `feed()` takes the next chunk and returns the events it completed. */
export interface ServerSentEventParser {
  feed(chunk: Uint8Array): ServerSentEvent[];
}

/**
 * The parser under `parseServerSentEvents()`, one chunk at a time and synchronous: a stream reader that wants
 * every event of a chunk at once (`readJsonEventBatches()`) pays one await per chunk instead of one per event.
 */
export function createServerSentEventParser(): ServerSentEventParser {
  const decoder = new TextDecoder();
  let buffer = "";
  let skipLeadingLineFeed = false;
  let firstChunk = true;
  let data: string[] = [];
  let event = "";
  let id = "";
  let retry: number | undefined;

  const dispatch = (): ServerSentEvent | undefined => {
    if (data.length === 0) {
      event = "";
      retry = undefined;
      return undefined;
    }
    const message: ServerSentEvent = {
      event: event || "message",
      data: data.length === 1 ? (data[0] as string) : data.join("\n"),
      id,
    };
    if (retry !== undefined) message.retry = retry;
    data = [];
    event = "";
    retry = undefined;
    return message;
  };

  const field = (line: string): void => {
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (name) {
      case "data":
        data.push(value);
        break;
      case "event":
        event = value;
        break;
      case "id":
        if (!value.includes("\0")) id = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) retry = Number(value);
        break;
    }
  };

  // Most servers end lines with "\n" alone: until a "\r" shows up, lines are split with indexOf.
  let sawCarriageReturn = false;
  return {
    feed(chunk: Uint8Array): ServerSentEvent[] {
      const events: ServerSentEvent[] = [];
      let text = decoder.decode(chunk, { stream: true });
      if (firstChunk && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        firstChunk = false;
      }
      if (skipLeadingLineFeed && text.length > 0) {
        if (text[0] === "\n") text = text.slice(1);
        skipLeadingLineFeed = false;
      }
      if (!sawCarriageReturn && text.includes("\r")) sawCarriageReturn = true;
      buffer = buffer.length === 0 ? text : buffer + text;
      let start = 0;
      for (;;) {
        let line: string;
        if (!sawCarriageReturn) {
          const lineEnd = buffer.indexOf("\n", start);
          if (lineEnd === -1) break;
          line = buffer.slice(start, lineEnd);
          start = lineEnd + 1;
        } else {
          const lineEnd = nextLineEnd(buffer, start);
          if (lineEnd === -1) break;
          line = buffer.slice(start, lineEnd);
          if (buffer[lineEnd] === "\r") {
            if (lineEnd + 1 === buffer.length) {
              skipLeadingLineFeed = true;
              start = lineEnd + 1;
            } else start = buffer[lineEnd + 1] === "\n" ? lineEnd + 2 : lineEnd + 1;
          } else {
            start = lineEnd + 1;
          }
        }
        if (line === "") {
          const message = dispatch();
          if (message) events.push(message);
        } else if (line.startsWith("data:")) {
          data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
        } else if (line.charCodeAt(0) !== 58) {
          field(line);
        }
      }
      buffer = start === buffer.length ? "" : buffer.slice(start);
      return events;
    },
  };
}

function nextLineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return index;
  }
  return -1;
}
