// `@infer/testing/vitest`: the harness bound to vitest's hooks and `expect`. It imports vitest, which throws
// outside a test run, so it is a subpath of its own: the entry (`@infer/testing`) stays importable by scripts and
// benchmarks.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { sendAnswer, type Answer } from "./answer.js";
import { startServer, type RecordedRequest, type TestServer } from "./server.js";

export type { Answer } from "./answer.js";

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
    server = await startServer((request, response) => sendAnswer(queue.shift() ?? fallback, request, response));
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

/** A task function's identity, as `defineTask()` gives it. */
export function expectTaskIdentity(
  task: { taskName: string; methodName: string },
  taskName: string,
  methodName: string,
): void {
  expect(task.taskName).toBe(taskName);
  expect(task.methodName).toBe(methodName);
}
