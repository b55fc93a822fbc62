import { bytesToBase64 } from "../base64.js";
import type { BinaryInput } from "../binary.js";
import { readBinary, type InferenceCore } from "../client.js";
import type { RequestOptions } from "../options.js";
import type { InferenceResponse } from "../response.js";

/**
 * A binary input (bytes, Blob, stream, path or URL) read whole and encoded as base64, for JSON bodies such as
 * `{"image": …, "question": …}`. Bad input rejects with `InferenceInputError` naming `argument`, before sending.
 */
export async function readBase64(
  client: InferenceCore,
  input: BinaryInput,
  argument: string,
  request?: RequestOptions,
): Promise<string> {
  return bytesToBase64(await readBinary(client, input, argument, request));
}

/** What `postBinary()` sends: the task, the binary input and its argument name, the encoded parameters. */
export interface BinaryPost {
  task: string;
  data: BinaryInput;
  /** The argument the input came from, for error messages (`"image"`, `"audio"`). */
  argument: string;
  /** The parameters, already encoded (`encodeParameters()`); `undefined` when none is set. */
  parameters: Record<string, unknown> | undefined;
  headers?: Record<string, string>;
}

/**
 * Posts a binary input the way hf-inference's binary tasks take it: the raw bytes as the body when there are
 * no parameters (streamed, never base64'd), else `{"inputs": <base64>, "parameters": {…}}`.
 */
export async function postBinary(
  client: InferenceCore,
  { task, data, argument, parameters, headers }: BinaryPost,
  request: RequestOptions,
): Promise<InferenceResponse> {
  if (parameters === undefined)
    return client.post({ task, data, dataArgument: argument, ...(headers && { headers }) }, request);
  const inputs = await readBase64(client, data, argument, request);
  return client.post({ task, json: { inputs, parameters }, ...(headers && { headers }) }, request);
}
