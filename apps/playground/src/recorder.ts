// A `fetch` for the client that notes every request it sends (the token masked) and tells when the
// server says the model is loading, so the page can show both.

export interface SentRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
  status?: number;
}

export interface Recorder {
  fetch: typeof fetch;
  requests: SentRequest[];
}

/** `onLoading(estimatedSeconds)` for a 503 "currently loading" answer; `onChange` after each request or answer. */
export function createRecorder(
  onChange: () => void,
  onLoading: (estimate: number | undefined, message: string) => void,
): Recorder {
  const requests: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers: [string, string][] = [];
    new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => {
      headers.push([name, name === "authorization" ? value.replace(/(\s)\S+$/, "$1***") : value]);
    });
    const sent: SentRequest = {
      method: init?.method ?? (input instanceof Request ? input.method : "GET"),
      url,
      headers,
      body: await describeBody(init?.body),
    };
    requests.push(sent);
    onChange();
    const response = await fetch(input, init);
    sent.status = response.status;
    onChange();
    if (response.status === 503) {
      const answer = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (
        answer !== null &&
        typeof answer === "object" &&
        /loading/i.test(String((answer as { error?: unknown }).error ?? ""))
      ) {
        const estimate = (answer as { estimated_time?: unknown }).estimated_time;
        onLoading(typeof estimate === "number" ? estimate : undefined, String((answer as { error: unknown }).error));
      }
    }
    return response;
  };
  return { fetch: recordingFetch, requests };
}

const MAX_SHOWN = 2_000;

async function describeBody(body: BodyInit | null | undefined): Promise<string> {
  if (body === undefined || body === null) return "";
  if (typeof body === "string")
    return body.length > MAX_SHOWN ? `${body.slice(0, MAX_SHOWN)}… (${body.length} characters)` : body;
  if (body instanceof Blob) return `<${body.size} bytes${body.type ? ` of ${body.type}` : ""}>`;
  if (body instanceof ArrayBuffer) return `<${body.byteLength} bytes>`;
  if (ArrayBuffer.isView(body)) {
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const looksJson = bytes[0] === 0x7b || bytes[0] === 0x5b;
    return looksJson ? describeBody(new TextDecoder().decode(bytes)) : `<${bytes.byteLength} bytes>`;
  }
  if (body instanceof ReadableStream) return "<a stream of bytes>";
  return `<${Object.prototype.toString.call(body)}>`;
}
