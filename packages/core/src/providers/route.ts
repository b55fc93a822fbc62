import { readBinary } from "../binary.js";
import type { Call } from "../call.js";
import { binarySources, routerToken, type InferenceCore, type PostRequest } from "../client.js";
import { PROVIDERS, STATE } from "../client-symbols.js";
import { mergeHeaders } from "../headers.js";
import type { RequestOptions } from "../options.js";
import { CallResponse, type InferenceResponse } from "../response.js";
import { base64ToBytes } from "../base64.js";
import { InferenceInputError } from "../errors/input-error.js";
import { InferenceOutputError } from "../errors/output-error.js";
import { send } from "../send.js";
import { parseBody } from "../server-error.js";
import { answerTools } from "./answer-tools.js";
import { providerError } from "./provider-error.js";
import { providerMapping, type ProviderMappingEntry } from "./mapping.js";
import type { InferenceProvider, ProviderInput, ProviderTask, ProviderTaskAdapter } from "./provider.js";
import { resolvedResponse } from "./resolved-response.js";
import type { ProviderRouteContext } from "./route-context.js";

const warned = new Set<string>();

/** Tasks that stand in for each other in a mapping. */
function mappingServes(mappingTask: string, task: string, provider: string): boolean {
  if (mappingTask === "" || mappingTask === task) return true;
  if (task === "chat-completion") return mappingTask === "conversational" || mappingTask === "text-generation";
  if (provider === "hf-inference") {
    const pair = new Set([mappingTask, task]);
    return pair.has("feature-extraction") && pair.has("sentence-similarity");
  }
  return false;
}

function inputError(context: ProviderRouteContext, provider: string, message: string): InferenceInputError {
  return new InferenceInputError({
    argument: "provider",
    message: `${message} (provider "${provider}", model "${context.model}", task "${context.task}")`,
  });
}

/**
 * Routes one call through a provider: resolves it (named, a model's `:provider` suffix, or `"auto"`) from
 * the model's mapping, checks it serves the task, rewrites route, body, headers and auth, and reads the
 * answer back into what the task reads. Chat under `"auto"` (or with a suffix) goes to the router's own
 * choice. Resolves to `undefined` when the call belongs to hf-inference, which the client sends itself.
 */
export async function routeThroughProvider(
  client: InferenceCore,
  call: Call,
  request: PostRequest,
  options: RequestOptions,
  requestedModel: string,
  requestedChoice: string,
): Promise<InferenceResponse | undefined> {
  const state = client[STATE];
  const providers = client[PROVIDERS];
  const task = request.providerTask ?? request.task ?? "";
  let model = requestedModel;
  let choice = requestedChoice;
  const colon = model.indexOf(":");
  const headers = mergeHeaders({ ...state.headers }, options.headers);
  const context: ProviderRouteContext = {
    state,
    call,
    sendContext: state.sendContext(),
    sources: binarySources(client, call),
    options,
    choice,
    model,
    task,
    json: request.json as Record<string, unknown> | undefined,
    data: request.data,
    dataArgument: request.dataArgument ?? "data",
    stream: request.stream === true,
    providers,
    headers,
  };
  if (task === "chat-completion" && (choice === "auto" || colon !== -1)) return routerChat(context);
  if (colon !== -1) {
    choice = model.slice(colon + 1);
    model = model.slice(0, colon);
    if (choice === "fastest" || choice === "cheapest") {
      throw new InferenceInputError({
        argument: "model",
        message: `a ":${choice}" policy picks a provider for chat only; pass \`provider\``,
      });
    }
  }
  if (choice === "hf-inference") return undefined;
  // "auto" stays on hf-inference, without a mapping look-up, when no registered provider serves the task.
  if (choice === "auto" && !providers.some((candidate) => candidate.tasks[task as ProviderTask] !== undefined))
    return undefined;
  return resolveAndSend({ ...context, choice, model });
}

/** `POST {router}/v1/chat/completions` with the Hub id (and any suffix) as `model`: the router picks. */
async function routerChat(context: ProviderRouteContext): Promise<InferenceResponse> {
  const { state, call } = context;
  routerToken(state.token());
  const headers: Record<string, string> = {
    ...state.authorizedHeaders(),
    ...context.headers,
    "content-type": "application/json",
  };
  if (context.stream) headers["accept"] = "text/event-stream";
  if (state.options.billTo !== undefined) headers["x-hf-bill-to"] = state.options.billTo;
  const text = JSON.stringify({ ...context.json, model: context.model });
  const sent = await send(context.sendContext, call, {
    url: `${state.routerEndpoint}/v1/chat/completions`,
    method: "POST",
    headers,
    body: { open: () => text, contentType: "application/json", size: undefined },
    task: context.task,
    model: context.model,
  });
  return new CallResponse(sent.response, sent.url, context.task, call);
}

async function resolveAndSend(context: ProviderRouteContext): Promise<InferenceResponse | undefined> {
  const { choice, providers, task } = context;
  let provider: InferenceProvider | undefined;
  let providerId = context.model;
  if (choice !== "auto") {
    provider = providers.find((candidate) => candidate.providerName === choice);
    if (provider === undefined)
      throw inputError(context, choice, "this provider is not registered on the client: add its package with `with()`");
    if (provider.tasks[task as ProviderTask] === undefined)
      throw inputError(context, choice, "this provider does not serve the task");
  }
  const token = context.state.token();
  const direct = token !== undefined && !token.startsWith("hf_");
  if (provider?.access === "direct") {
    if (!direct)
      throw inputError(
        context,
        provider.providerName,
        "this provider takes only its own API key as `token`, not a Hugging Face token",
      );
  } else {
    const mapping = await providerMapping(context.state, context.sendContext, context.call, context.model);
    const entry = provider
      ? mapping.find((item) => item.provider === provider?.providerName)
      : pickAuto(context, mapping, direct);
    if (entry === undefined) {
      if (provider)
        throw inputError(
          context,
          provider.providerName,
          "the model's provider mapping on the Hub does not list this provider",
        );
      const listed = mapping.map((item) => item.provider).join(", ") || "none";
      throw inputError(
        context,
        "auto",
        `no live provider registered on this client serves the model for this task (the Hub lists: ${listed})`,
      );
    }
    if (entry.provider === "hf-inference") return undefined;
    provider ??= providers.find((candidate) => candidate.providerName === entry.provider) as InferenceProvider;
    if (!mappingServes(entry.task, task, entry.provider)) {
      throw inputError(context, entry.provider, `the Hub maps this model to the task "${entry.task}" on this provider`);
    }
    if (entry.status === "staging") warnStaging(entry, context.model);
    providerId = entry.providerId;
  }
  const adapter = provider.tasks[task as ProviderTask] as ProviderTaskAdapter;
  return sendThrough(context, provider, adapter, providerId, direct, token);
}

function pickAuto(
  context: ProviderRouteContext,
  mapping: ProviderMappingEntry[],
  direct: boolean,
): ProviderMappingEntry | undefined {
  return mapping.find(
    (entry) =>
      entry.status === "live" &&
      mappingServes(entry.task, context.task, entry.provider) &&
      // A provider's own key is not for hf-inference (the router).
      ((entry.provider === "hf-inference" && !direct) ||
        context.providers.some(
          (provider) =>
            provider.providerName === entry.provider &&
            provider.access !== "direct" &&
            provider.tasks[context.task as ProviderTask] !== undefined,
        )),
  );
}

function warnStaging(entry: ProviderMappingEntry, model: string): void {
  const key = `${entry.provider} ${model}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`@infer/core: ${model} is in "staging" on ${entry.provider}: it may not work yet.`);
}

async function sendThrough(
  context: ProviderRouteContext,
  provider: InferenceProvider,
  adapter: ProviderTaskAdapter,
  providerId: string,
  direct: boolean,
  token: string | undefined,
): Promise<InferenceResponse> {
  const { state, call, json } = context;
  const parameters =
    json !== undefined && typeof json["parameters"] === "object" && json["parameters"] !== null
      ? (json["parameters"] as Record<string, unknown>)
      : {};
  const input: ProviderInput = {
    task: context.task,
    model: context.model,
    providerId,
    json,
    parameters,
    stream: context.stream,
    direct,
    async binary() {
      if (context.data !== undefined) {
        const bytes = await readBinary(
          context.data as Parameters<typeof readBinary>[0],
          context.dataArgument,
          context.sources,
        );
        return { bytes, contentType: undefined };
      }
      const inputs = json?.["inputs"];
      if (typeof inputs !== "string")
        throw new InferenceInputError({ argument: context.dataArgument, message: "expected a binary input" });
      return { bytes: base64ToBytes(inputs), contentType: undefined };
    },
  };
  const built = await adapter.request(input);
  const base = direct ? provider.baseUrl : `${state.routerEndpoint}/${provider.providerName}`;
  const url = /^https?:\/\//.test(built.path) ? built.path : base + built.path;
  const headers: Record<string, string> = { ...context.headers, "content-type": "application/json" };
  delete headers["accept"];
  if (context.stream) headers["accept"] = "text/event-stream";
  if (token !== undefined)
    Object.assign(
      headers,
      direct && provider.authorize ? provider.authorize(token) : { authorization: `Bearer ${token}` },
    );
  if (!direct && state.options.billTo !== undefined) headers["x-hf-bill-to"] = state.options.billTo;
  Object.assign(headers, built.headers);
  const text = JSON.stringify(built.body);
  const sent = await send(context.sendContext, call, {
    url,
    method: "POST",
    headers,
    body: { open: () => text, contentType: "application/json", size: undefined },
    task: context.task,
    model: context.model,
  }).catch((error: unknown) => {
    throw providerError(error);
  });
  if (adapter.answer === undefined || context.stream)
    return new CallResponse(sent.response, sent.url, context.task, call);
  const body = parseBody(await sent.response.text());
  if (body === undefined || typeof body === "string")
    throw new InferenceOutputError({ task: context.task, expected: `${provider.providerName}'s JSON answer`, body });
  const answer = await adapter.answer(body, answerTools(context, input, url, headers));
  call.finish();
  return resolvedResponse(answer, sent.url);
}
