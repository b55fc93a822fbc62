import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { sendBytes, sendJson, startServer, type Handler, type RecordedRequest, type TestServer } from "./server.js";

/** What the server answers one request with: JSON (status 200 unless given), bytes, or a handler of its own. */
export type Answer =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { bytes: Uint8Array; contentType: string; status?: number }
  | Handler;

/** The options a test client needs to talk to the task server: its URL, a test token, no retries. */
export interface TaskClientOptions {
  endpoint: string;
  token: string;
  retry: false;
}

export interface TaskServer {
  /** `http://127.0.0.1:{port}`, once the suite has started. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The last request received; fails the test when there is none. */
  last(): RecordedRequest;
  /** Client options for this server: `createClient(server.clientOptions())`. */
  clientOptions(): TaskClientOptions;
  /** Answers the next request with `answer` (queued: one call per request); the queue empties before each test. */
  answerNext(...answers: Answer[]): void;
  /**
   * Runs `call`, expects it to reject with an `InferenceInputError` naming `argument`, and that no request was
   * sent: inputs are checked before anything goes on the wire.
   */
  expectInputError(call: () => Promise<unknown>, argument: string): Promise<void>;
}

/**
 * One loopback server per test file, started and stopped by the suite's own hooks. Each request is answered
 * by the next queued answer (`answerNext`), else by `fallback` — never by state one test left for another.
 */
export function useTaskServer(fallback: Answer = { json: {} }): TaskServer {
  let server: TestServer | undefined;
  const queue: Answer[] = [];
  const started = (): TestServer => {
    if (server === undefined) throw new Error("useTaskServer(): the server starts in beforeAll; use it inside a test");
    return server;
  };
  beforeAll(async () => {
    server = await startServer((request, response) => reply(queue.shift() ?? fallback, request, response));
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    queue.length = 0;
  });
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    last() {
      const request = started().requests.at(-1);
      if (request === undefined) throw new Error("no request was received");
      return request;
    },
    clientOptions: () => ({ endpoint: started().url, token: "hf_test", retry: false }),
    answerNext: (...answers) => {
      queue.push(...answers);
    },
    async expectInputError(call, argument) {
      const before = started().requests.length;
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, "expected the call to reject").toBeInstanceOf(Error);
      expect((error as Error).name).toBe("InferenceInputError");
      expect((error as { argument?: unknown }).argument).toBe(argument);
      expect(started().requests.length, "a request was sent before the input error").toBe(before);
    },
  };
}

function reply(answer: Answer, request: RecordedRequest, response: ServerResponse): unknown {
  if (typeof answer === "function") return answer(request, response);
  if ("bytes" in answer) return sendBytes(response, answer.bytes, answer.contentType, answer.status);
  return sendJson(response, answer.json, answer.status, answer.headers);
}

/** A task function's identity, as `defineTask()` gives it. */
export function expectTaskIdentity(
  task: { taskName: string; methodName: string },
  taskName: string,
  methodName: string,
): void {
  expect(task.taskName).toBe(taskName);
  expect(task.methodName).toBe(methodName);
}
