import { delay } from "../delay.js";
import { InferenceOutputError } from "../errors/output-error.js";
import { send } from "../send.js";
import { parseBody } from "../server-error.js";
import { providerError } from "./provider-error.js";
import type { AnswerTools, ProviderInput } from "./provider.js";
import type { ProviderRouteContext } from "./route-context.js";

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

/** Polling and downloads for one provider call: bounded by its timeout, abortable, the token kept at home. */
export function answerTools(
  context: ProviderRouteContext,
  input: ProviderInput,
  requestUrl: string,
  requestHeaders: Record<string, string>,
): AnswerTools {
  const { call, sendContext, state } = context;
  const bare = { ...state.platform.defaultHeaders };
  return {
    input,
    requestUrl,
    async poll(url) {
      const home = origin(url) === origin(requestUrl);
      const headers = home ? { ...requestHeaders } : { ...bare };
      delete headers["content-type"];
      const sent = await send(home ? sendContext : { ...sendContext, token: undefined }, call, {
        url,
        method: "GET",
        headers,
        task: input.task,
      }).catch((error: unknown) => {
        throw providerError(error);
      });
      const text = await sent.response.text();
      const body = parseBody(text);
      if (body === undefined || typeof body === "string")
        throw new InferenceOutputError({ task: input.task, expected: "a JSON status", body });
      return body;
    },
    async download(url) {
      if (url.startsWith("data:")) return dataUrlBlob(url, input.task);
      const sent = await send({ ...sendContext, token: undefined }, call, {
        url,
        method: "GET",
        headers: { ...bare },
        task: input.task,
      });
      const bytes = await sent.response.bytes();
      if (bytes.byteLength === 0)
        throw new InferenceOutputError({ task: input.task, expected: "a result file", body: "" });
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: sent.response.header("content-type") ?? "" });
    },
    async wait(ms) {
      const remaining = call.deadline - Date.now();
      await delay(Math.max(0, Math.min(ms, remaining)), call.signal);
      // Past the deadline: let the timeout signal fire rather than poll once more.
      if (Date.now() >= call.deadline) await delay(5, call.signal);
    },
  };
}

function dataUrlBlob(url: string, task: string): Blob {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (!match) throw new InferenceOutputError({ task, expected: "a data: URL", body: url.slice(0, 100) });
  const [, type = "", base64, payload = ""] = match;
  const bytes = base64
    ? Uint8Array.from(atob(payload), (character) => character.charCodeAt(0))
    : new TextEncoder().encode(decodeURIComponent(payload));
  return new Blob([bytes], { type });
}
