import type { InferenceResponse } from "../response.js";

/** A provider's answer, already read and normalised, as the response the task reads (a Blob, or JSON). */
export function resolvedResponse(answer: unknown, url: string): InferenceResponse {
  const isBlob = answer instanceof Blob;
  const type = isBlob ? answer.type : "application/json";
  const bytes = async (): Promise<Uint8Array> =>
    isBlob ? new Uint8Array(await answer.arrayBuffer()) : new TextEncoder().encode(JSON.stringify(answer));
  const headers = new Headers({ "content-type": type });
  return {
    status: 200,
    url,
    headers,
    header: (name) => headers.get(name) ?? undefined,
    json: async <T>() => (isBlob ? (JSON.parse(await answer.text()) as T) : (answer as T)),
    text: async () => new TextDecoder().decode(await bytes()),
    bytes,
    arrayBuffer: async () => (await bytes()).slice().buffer as ArrayBuffer,
    blob: async () => (isBlob ? answer : new Blob([await bytes()], { type })),
    body: {
      async *[Symbol.asyncIterator]() {
        yield await bytes();
      },
    },
    cancel() {},
  };
}
