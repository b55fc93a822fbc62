import { Call } from "../call.js";
import type { ClientState } from "../client-state.js";
import { InferenceOutputError } from "../errors/output-error.js";
import { send } from "../send.js";
import type { SendContext } from "../send.js";
import { parseBody } from "../server-error.js";

/** One provider's entry in a model's `inferenceProviderMapping`. */
export interface ProviderMappingEntry {
  provider: string;
  providerId: string;
  status: string;
  task: string;
}

const cache = new Map<string, Promise<ProviderMappingEntry[]>>();

/**
 * `GET {hub}/api/models/{id}?expand[]=inferenceProviderMapping`, once per process, Hub and model: concurrent
 * callers share one request, a failure is forgotten. The token goes to the Hub only when it is an `hf_` one.
 */
export function providerMapping(
  state: ClientState,
  context: SendContext,
  call: Call,
  model: string,
): Promise<ProviderMappingEntry[]> {
  const key = `${state.hubEndpoint} ${model}`;
  let mapping = cache.get(key);
  if (mapping === undefined) {
    mapping = lookUp(state, context, model);
    cache.set(key, mapping);
    mapping.catch(() => {
      if (cache.get(key) === mapping) cache.delete(key);
    });
  }
  return abortable(mapping, call.signal);
}

async function lookUp(state: ClientState, context: SendContext, model: string): Promise<ProviderMappingEntry[]> {
  const token = state.token();
  const hubToken = token?.startsWith("hf_") ? token : undefined;
  const headers: Record<string, string> = { ...state.headers };
  if (hubToken) headers["authorization"] = `Bearer ${hubToken}`;
  // The shared look-up belongs to no one call: its own signal-free call, bounded by the client's retries.
  const lookupCall = new Call(
    state.options.signal,
    undefined,
    undefined,
    state.options.timeout,
    state.platform.connectionFailure,
  );
  try {
    const url = `${state.hubEndpoint}/api/models/${model}?expand[]=inferenceProviderMapping`;
    const sent = await send({ ...context, token: hubToken }, lookupCall, { url, method: "GET", headers });
    const body = parseBody(await sent.response.text());
    return readMapping(body);
  } catch (error) {
    throw lookupCall.mapError(error);
  } finally {
    lookupCall.finish();
  }
}

/** Reads both shapes the Hub has used: an object keyed by provider, or a list of entries. */
export function readMapping(body: unknown): ProviderMappingEntry[] {
  const raw =
    body !== null && typeof body === "object"
      ? (body as { inferenceProviderMapping?: unknown }).inferenceProviderMapping
      : undefined;
  const entries: ProviderMappingEntry[] = [];
  const add = (provider: unknown, value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    const entry = value as Record<string, unknown>;
    const name = typeof provider === "string" ? provider : entry["provider"];
    if (typeof name !== "string" || typeof entry["providerId"] !== "string") return;
    entries.push({
      provider: name,
      providerId: entry["providerId"],
      status: typeof entry["status"] === "string" ? entry["status"] : "live",
      task: typeof entry["task"] === "string" ? entry["task"] : "",
    });
  };
  if (Array.isArray(raw)) for (const item of raw) add(undefined, item);
  else if (raw !== null && typeof raw === "object") for (const [name, value] of Object.entries(raw)) add(name, value);
  else if (raw !== undefined)
    throw new InferenceOutputError({ task: "provider-mapping", expected: "{inferenceProviderMapping}", body });
  return entries;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Forgets every cached provider mapping. */
export function clearProviderMappings(): void {
  cache.clear();
}
