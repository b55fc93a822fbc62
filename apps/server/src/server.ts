import { Readable } from "node:stream";
import cors from "@fastify/cors";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { allBackends } from "./backends/index.js";
import { RequestError, type Answer, type Backend, type RequestBody } from "./backends/types.js";
import { Registry } from "./registry.js";

/** Options of `startServer()`. */
export interface ServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Address to listen on. Loopback by default: the server has no authentication.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * The models to serve, by id (`infer/wink-sentiment`) or by task (`text-classification`). Default: all.
   * The others' tasks answer 501.
   */
  models?: string[];
  /**
   * The largest request body, in bytes; a bigger one answers 413.
   * @default 20971520 (20 MiB)
   */
  bodyLimit?: number;
  /**
   * Milliseconds between streamed tokens, so a stream looks like one.
   * @default 0
   */
  tokenDelay?: number;
  /**
   * How long a request waits for its model's first load before the server answers 503 "is currently
   * loading" (as the real service does; clients wait and retry). A request with `X-Wait-For-Model: true`
   * or `options.wait_for_model` waits for the load.
   * @default 1000
   */
  loadWait?: number;
}

/** A running server. */
export interface RunningServer {
  /** `http://{host}:{port}`: use it as both `endpoint` and `hubEndpoint`. */
  url: string;
  /** The served models. */
  models: readonly Backend[];
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Every task a backend of this package can serve (used to tell 501 from 404). */
const KNOWN_TASKS = new Set(allBackends(0).flatMap((backend) => [backend.task, ...(backend.extraTasks ?? [])]));

/** Starts the local inference server. It speaks WIRE.md's inference routes and the Hub's look-ups. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { port = 0, host = "127.0.0.1", bodyLimit = 20 * 1024 * 1024, tokenDelay = 0, loadWait = 1000 } = options;
  const backends = selectBackends(allBackends(tokenDelay), options.models);
  const registry = new Registry(backends);
  const app = createApp(registry, { bodyLimit, loadWait });
  await app.listen({ port, host });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    models: backends,
    close: () => (closing ??= drain(app).then(() => registry.close())),
  };
}

/**
 * Closes the server: no new connections, in-flight requests finish; a keep-alive connection is closed as
 * soon as its response is done (Fastify closes only the connections idle when `close()` starts).
 */
async function drain(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}

function selectBackends(backends: Backend[], wanted: string[] | undefined): Backend[] {
  if (wanted === undefined) return backends;
  const unknown = wanted.filter((name) => !backends.some((backend) => backend.id === name || backend.task === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown model or task: ${unknown.join(", ")} (models: ${backends.map((backend) => `${backend.id} (${backend.task})`).join(", ")})`,
    );
  }
  return backends.filter((backend) => wanted.includes(backend.id) || wanted.includes(backend.task));
}

function createApp(
  registry: Registry,
  { bodyLimit, loadWait }: { bodyLimit: number; loadWait: number },
): FastifyInstance {
  const app = Fastify({
    bodyLimit,
    forceCloseConnections: "idle",
    return503OnClosing: true,
    logger: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  void app.register(cors, {
    origin: true,
    methods: ["GET", "POST", "OPTIONS"],
    exposedHeaders: ["x-request-id", "x-compute-time", "x-model-id"],
    maxAge: 600,
  });
  // Every body is read as bytes; each task decides what it accepts (JSON, an image, audio).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.setErrorHandler((error: FastifyError | RequestError, _request, reply) => {
    if (error instanceof RequestError) return sendError(reply, error);
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      return reply.code(413).send({ error: `the body is larger than this server's limit of ${bodyLimit} bytes` });
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).send({ error: status === 500 ? `internal error: ${error.message}` : error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split("?")[0]}` }),
  );

  const served = () =>
    [
      ...new Set([...registry.backends.values()].flatMap((backend) => [backend.task, ...(backend.extraTasks ?? [])])),
    ].sort();
  const byTask = (task: string) =>
    [...registry.backends.values()].find((backend) => backend.task === task || backend.extraTasks?.includes(task));

  app.get("/health", async () => ({
    status: "ok",
    models: [...registry.backends.keys()],
    rss_bytes: process.memoryUsage().rss,
  }));
  app.get("/api/tasks", async () => {
    const tasks: Record<string, { id: string; widgetModels: string[] }> = {};
    for (const backend of registry.backends.values()) {
      for (const task of [backend.task, ...(backend.extraTasks ?? [])])
        (tasks[task] ??= { id: task, widgetModels: [] }).widgetModels.push(backend.id);
    }
    return tasks;
  });
  app.get("/api/models/*", async (request, reply) => {
    const backend = registry.backends.get(wildcard(request));
    if (backend === undefined)
      return reply.code(404).send({ error: `Repository Not Found: this server has no model ${wildcard(request)}` });
    return modelInfo(backend);
  });
  app.get("/status/*", async (request, reply) => {
    const id = wildcard(request);
    const backend = registry.backends.get(id);
    if (backend === undefined) return reply.code(404).send({ error: `Model ${id} does not exist` });
    const state = registry.state(id);
    return {
      loaded: state === "loaded",
      state: { unloaded: "Loadable", loading: "Loading", loaded: "Loaded", failed: "Failed" }[state],
      compute_type: "cpu",
      framework: backend.framework,
    };
  });
  app.get<{ Params: { name: string } }>("/framework/:name", async (request) =>
    [...registry.backends.values()]
      .filter((backend) => backend.framework === request.params.name)
      .map((backend) => ({ model_id: backend.id, task: backend.task, compute_type: "cpu" })),
  );

  const run = (
    request: FastifyRequest,
    reply: FastifyReply,
    model: string | undefined,
    task: string | undefined,
    mode?: string,
  ) => infer(registry, loadWait, request, reply, model, task, mode, served, byTask);
  // TGI's own routes, on the server's root (a model URL that is this server) and under a model.
  app.post("/", (request, reply) => run(request, reply, undefined, "text-generation"));
  app.post("/generate", (request, reply) => run(request, reply, undefined, "text-generation", "text-generation-whole"));
  app.post("/generate_stream", (request, reply) =>
    run(request, reply, undefined, "text-generation", "text-generation-stream"),
  );
  app.post("/v1/chat/completions", (request, reply) =>
    run(request, reply, undefined, "text-generation", "chat-completion"),
  );
  app.post("/chat/completions", (request, reply) =>
    run(request, reply, undefined, "text-generation", "chat-completion"),
  );
  app.post("/pipeline/*", (request, reply) => {
    const [task, ...model] = wildcard(request).split("/");
    return run(request, reply, model.join("/") || undefined, task);
  });
  app.post("/models/*", (request, reply) => {
    const rest = wildcard(request);
    for (const [suffix, mode] of [
      ["/v1/chat/completions", "chat-completion"],
      ["/chat/completions", "chat-completion"],
      ["/generate_stream", "text-generation-stream"],
      ["/generate", "text-generation-whole"],
    ] as const) {
      if (rest.endsWith(suffix)) return run(request, reply, rest.slice(0, -suffix.length), "text-generation", mode);
    }
    const pipeline = rest.indexOf("/pipeline/");
    if (pipeline === -1) return run(request, reply, rest, undefined);
    return run(request, reply, rest.slice(0, pipeline), rest.slice(pipeline + "/pipeline/".length));
  });
  return app;
}

function wildcard(request: FastifyRequest): string {
  return decodeURIComponent((request.params as { "*": string })["*"] ?? "").replace(/\/+$/, "");
}

function modelInfo(backend: Backend): Record<string, unknown> {
  return {
    id: backend.id,
    modelId: backend.id,
    pipeline_tag: backend.task,
    library_name: backend.framework,
    tags: [backend.task, backend.framework, "infer-server"],
    inference: "warm",
    inferenceProviderMapping: { "hf-inference": { status: "live", providerId: backend.id, task: backend.task } },
    backend: { package: backend.packageName, licence: backend.licence, description: backend.description },
  };
}

async function infer(
  registry: Registry,
  loadWait: number,
  request: FastifyRequest,
  reply: FastifyReply,
  model: string | undefined,
  task: string | undefined,
  mode: string | undefined,
  served: () => string[],
  byTask: (task: string) => Backend | undefined,
): Promise<unknown> {
  if (task !== undefined && !served().includes(task)) {
    return reply.code(501).send({
      error: `the task ${task} is not served by this server${KNOWN_TASKS.has(task) ? " (its model was not selected with --models)" : ""}; it serves ${served().join(", ")}`,
      task,
      served_tasks: served(),
    });
  }
  const backend = model === undefined ? byTask(task!) : registry.backends.get(model);
  if (backend === undefined) {
    return reply.code(404).send({
      error: `Model ${model} does not exist on this server; it serves ${[...registry.backends.keys()].join(", ")}`,
    });
  }
  const effectiveTask = task ?? backend.task;
  if (effectiveTask !== backend.task && !backend.extraTasks?.includes(effectiveTask)) {
    return reply
      .code(400)
      .send({ error: `Model ${backend.id} does not serve the task ${effectiveTask}; it serves ${backend.task}` });
  }
  const body: RequestBody = {
    bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    contentType: request.headers["content-type"],
  };
  const waitForModel = request.headers["x-wait-for-model"] === "true" || wantsToWait(body);
  const runner = await loadWithin(registry, backend.id, waitForModel ? Number.POSITIVE_INFINITY : loadWait);
  if (runner === undefined) {
    return reply
      .code(503)
      .send({ error: `Model ${backend.id} is currently loading`, estimated_time: registry.estimatedTime(backend.id) });
  }
  const started = performance.now();
  const answer = await runner(body, mode ?? effectiveTask);
  reply.header("x-model-id", backend.id);
  reply.header("x-compute-time", ((performance.now() - started) / 1000).toFixed(3));
  return send(reply, answer);
}

/** The legacy API's `options.wait_for_model` in a JSON body. */
function wantsToWait(body: RequestBody): boolean {
  if (
    body.contentType === undefined ||
    !/json/i.test(body.contentType) ||
    body.bytes.length > 1_000_000 ||
    !body.bytes.includes("wait_for_model")
  )
    return false;
  try {
    return (
      (JSON.parse(body.bytes.toString("utf8")) as { options?: { wait_for_model?: unknown } }).options
        ?.wait_for_model === true
    );
  } catch {
    return false;
  }
}

async function loadWithin(registry: Registry, id: string, wait: number) {
  const loading = registry.load(id).catch((error: unknown) => {
    if (error instanceof RequestError) throw error;
    throw new RequestError(500, `the model ${id} could not be loaded: ${(error as Error).message}`);
  });
  if (registry.state(id) === "loaded") return loading;
  if (!Number.isFinite(wait)) return loading;
  if (wait <= 0) {
    loading.catch(() => {});
    return undefined;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, wait, undefined)));
  try {
    return await Promise.race([loading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.kind === "json") return reply.code(answer.status ?? 200).send(answer.body);
  if (answer.kind === "bytes") return reply.type(answer.contentType).send(answer.body);
  const { events } = answer;
  async function* lines() {
    try {
      for await (const event of events)
        yield typeof event === "string" ? `data: ${event}\n\n` : `data:${JSON.stringify(event)}\n\n`;
    } catch (error) {
      yield `data:${JSON.stringify({ error: (error as Error).message, error_type: "generation" })}\n\n`;
    }
  }
  return reply.type("text/event-stream").header("cache-control", "no-cache").send(Readable.from(lines()));
}

function sendError(reply: FastifyReply, error: RequestError): FastifyReply {
  return reply
    .code(error.status)
    .send(error.errorType ? { error: error.message, error_type: error.errorType } : { error: error.message });
}
