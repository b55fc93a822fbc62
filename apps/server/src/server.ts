import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generate, type GenerationParameters } from "./generation.js";
import { EXTRA_TASKS, generationBody, MODELS, TASK_HANDLERS } from "./models.js";

/** Options of `startServer()`. */
export interface ServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Address to listen on. Loopback only by default: the server has no authentication.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * Milliseconds between streamed tokens, so a stream looks like one.
   * @default 0
   */
  tokenDelay?: number;
}

/** A running server. */
export interface RunningServer {
  /** `http://{host}:{port}`: use it as both `endpoint` and `hubEndpoint`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the stand-in server. It speaks WIRE.md's routes for its five models, and the Hub's look-ups. */
export async function startServer({ port = 0, host = "127.0.0.1", tokenDelay = 0 }: ServerOptions = {}): Promise<RunningServer> {
  const server = createServer((request, response) => {
    handle(request, response, tokenDelay).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, { error: `internal error: ${String(error)}` }, 500);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, tokenDelay: number): Promise<void> {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  if (request.method === "GET") return handleGet(path, response);
  if (request.method !== "POST") return sendJson(response, { error: "method not allowed" }, 405);

  const route = inferenceRoute(path);
  if (route === undefined) return sendJson(response, { error: `no route ${path}` }, 404);
  const ownTask = MODELS[route.model];
  if (ownTask === undefined) return sendJson(response, { error: `Model ${route.model} does not exist` }, 404);
  const task = route.task ?? ownTask;
  if (task !== ownTask && !EXTRA_TASKS[route.model]?.includes(task)) {
    return sendJson(response, { error: `Model ${route.model} does not support the task ${task} (it serves ${ownTask})` }, 400);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readText(request));
  } catch {
    return sendJson(response, { error: "the body must be JSON" }, 400);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return sendJson(response, { error: "the body must be a JSON object" }, 400);
  const answer = TASK_HANDLERS[task]!(body as Record<string, unknown>);
  if (answer.kind === "json") return sendJson(response, answer.body, answer.status);
  if (!answer.stream) return sendJson(response, generationBody(answer.prompt, answer.parameters, answer.details));
  return streamGeneration(response, answer.prompt, answer.parameters, tokenDelay);
}

/** `/models/{id}`, `/models/{id}/pipeline/{task}` (router) and `/pipeline/{task}/{id}` (api-inference). */
function inferenceRoute(path: string): { model: string; task: string | undefined } | undefined {
  if (path.startsWith("/pipeline/")) {
    const [task, ...model] = path.slice("/pipeline/".length).split("/");
    return task && model.length > 0 ? { model: model.join("/"), task } : undefined;
  }
  if (!path.startsWith("/models/")) return undefined;
  const rest = path.slice("/models/".length);
  const pipeline = rest.indexOf("/pipeline/");
  return pipeline === -1 ? { model: rest, task: undefined } : { model: rest.slice(0, pipeline), task: rest.slice(pipeline + "/pipeline/".length) };
}

function handleGet(path: string, response: ServerResponse): void {
  if (path === "/api/tasks") {
    const tasks: Record<string, { widgetModels: string[] }> = {};
    for (const [model, task] of Object.entries(MODELS)) (tasks[task] ??= { widgetModels: [] }).widgetModels.push(model);
    return sendJson(response, tasks);
  }
  const model = path.startsWith("/api/models/") ? path.slice("/api/models/".length) : path.startsWith("/status/") ? path.slice("/status/".length) : undefined;
  const task = model === undefined ? undefined : MODELS[model];
  if (model === undefined) return sendJson(response, { error: `no route ${path}` }, 404);
  if (task === undefined) return sendJson(response, { error: `Model ${model} does not exist` }, 404);
  if (path.startsWith("/api/models/")) return sendJson(response, { id: model, pipeline_tag: task });
  sendJson(response, { loaded: true, state: "Loaded", compute_type: "cpu", framework: "infer-stand-in" });
}

async function streamGeneration(response: ServerResponse, prompt: string, parameters: GenerationParameters, tokenDelay: number): Promise<void> {
  const generation = generate(prompt, parameters);
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  let closed = false;
  response.on("close", () => (closed = true));
  for (const [index, token] of generation.tokens.entries()) {
    if (closed) return;
    if (tokenDelay > 0) await new Promise((resolve) => setTimeout(resolve, tokenDelay));
    const last = index === generation.tokens.length - 1;
    const event = {
      token,
      generated_text: last ? (parameters.return_full_text ? prompt : "") + generation.text : null,
      details: last ? { finish_reason: generation.finishReason, generated_tokens: generation.tokens.length, seed: generation.seed } : null,
    };
    response.write(`data:${JSON.stringify(event)}\n\n`);
  }
  response.end();
}

function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
