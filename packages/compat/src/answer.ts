import type { InferenceHTTPError, InferenceResponse } from "@infer/core";

/**
 * What a legacy call resolves to: parsed JSON (an error's body included), or a Blob for images and audio.
 * `any`, as the Python client's answers were untyped: legacy code such as `result[0].generated_text`
 * compiles unchanged. `InferenceClient`'s methods are typed per task.
 */
// biome-ignore lint/suspicious/noExplicitAny: untyped on purpose, as said above.
export type InferenceApiOutput = any;

/** A successful answer as the Python client returned it: JSON parsed, anything else (images, audio) as a Blob. */
export async function readAnswer(response: InferenceResponse): Promise<unknown> {
  const contentType = response.header("content-type") ?? "";
  if (/\bjson\b/i.test(contentType)) return response.json();
  return response.blob();
}

// Statuses whose response may not carry a body.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A successful answer as a standard `Response`, its body still streaming. */
export function toResponse(response: InferenceResponse): Response {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : streamOf(response.body);
  return new Response(body, { status: response.status, headers: response.headers });
}

/**
 * An error answer as a standard `Response`. The client read it whole to build the error, so it is
 * rebuilt from the error: same status and body, `Content-Type` and `X-Request-Id`; other headers are gone.
 */
export function errorResponse(error: InferenceHTTPError): Response {
  const headers = new Headers();
  if (error.requestId !== undefined) headers.set("x-request-id", error.requestId);
  let body: string | null = null;
  if (typeof error.body === "string") {
    body = error.body;
    headers.set("content-type", "text/plain; charset=utf-8");
  } else if (error.body !== undefined) {
    body = JSON.stringify(error.body);
    headers.set("content-type", "application/json");
  }
  return new Response(NULL_BODY_STATUSES.has(error.status) ? null : body, { status: error.status, headers });
}

function streamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
