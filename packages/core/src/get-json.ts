import type { Call } from "./call.js";
import type { InferenceCore } from "./client.js";
import { STATE } from "./client-symbols.js";
import { InferenceInputError } from "./errors/input-error.js";
import { mergeHeaders } from "./headers.js";
import type { RequestOptions } from "./options.js";
import { safeUrl } from "./redaction.js";
import { CallResponse } from "./response.js";
import { send } from "./send.js";

/** GETs JSON from the Hub or the inference endpoint; loaded on first use. */
export async function getJson<T>(
  client: InferenceCore,
  call: Call,
  base: "hub" | "endpoint",
  path: string,
  options: RequestOptions,
): Promise<T> {
  const state = client[STATE];
  try {
    const root = base === "hub" ? state.hubEndpoint : state.endpoint;
    const headers = mergeHeaders(
      mergeHeaders({ ...state.authorizedHeaders() }, state.options.headers),
      options.headers,
    );
    const sent = await send(client[STATE].sendContext(), call, { url: `${root}${path}`, method: "GET", headers });
    return await new CallResponse(sent.response, sent.url, undefined, call).json<T>();
  } catch (error) {
    call.finish();
    throw call.mapError(error);
  }
}

/** Downloads an input URL for a binary input: without the token or the client's headers, only the User-Agent. */
export async function download(
  client: InferenceCore,
  call: Call,
  url: string,
  argument: string,
): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  const state = client[STATE];
  const sent = await send({ ...client[STATE].sendContext(), token: undefined, tokenSource: "input-url" }, call, {
    url,
    method: "GET",
    headers: { ...state.platform.defaultHeaders },
  }).catch((error: unknown) => {
    const mapped = call.mapError(error);
    if (call.signal?.aborted) throw mapped;
    throw new InferenceInputError({
      argument,
      message: `could not download ${safeUrl(url)}: ${(mapped as Error).message}`,
      cause: mapped,
    });
  });
  return { bytes: await sent.response.bytes(), contentType: sent.response.header("content-type") };
}
