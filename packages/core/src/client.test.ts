import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createClient, InferenceInputError, type InferenceCore, type RequestOptions } from "./index.js";
import { defineTask, splitOptions } from "./task-kit-entry.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => sendJson(response, { url: request.url, body: request.json() }));
});
afterAll(() => server.close());

const echo = defineTask(
  { taskName: "echo-task", methodName: "echo" },
  async (client: InferenceCore, text: string, options?: RequestOptions & { loud?: boolean }): Promise<string> => {
    const { request, parameters } = splitOptions(options);
    const response = await client.post({ task: "echo-task", json: { inputs: text, parameters } }, request);
    return JSON.stringify(await response.json());
  },
);
const count = defineTask(
  { taskName: "count-task", methodName: "count" },
  async (_client: InferenceCore, items: string[]) => items.length,
);

describe("InferenceCore", () => {
  describe("with", () => {
    it("adds a typed method per task, leaving the original client as it was", async () => {
      const base = createClient({ endpoint: server.url, token: false, model: "m" });
      const extended = base.with(echo);
      expectTypeOf(extended.echo).toEqualTypeOf<
        (text: string, options?: RequestOptions & { loud?: boolean }) => Promise<string>
      >();
      // @ts-expect-error: a method exists only after with()
      expect(base.echo).toBeUndefined();
      expect(JSON.parse(await extended.echo("hi", { loud: true }))).toEqual({
        url: "/models/m",
        body: { inputs: "hi", parameters: { loud: true } },
      });
      expect(Object.keys(base)).not.toContain("echo");
    });

    it("chains, keeping earlier tasks, and shares the options", async () => {
      const client = createClient({ endpoint: server.url, token: false, model: "m" }).with(echo).with(count);
      expectTypeOf(client.count).toEqualTypeOf<(items: string[]) => Promise<number>>();
      expect(await client.count(["a", "b"])).toBe(2);
      expect(typeof client.echo).toBe("function");
      expect(client.options.model).toBe("m");
    });

    it("takes several tasks at once", () => {
      const client = createClient().with(echo, count);
      expectTypeOf(client).toHaveProperty("echo");
      expectTypeOf(client).toHaveProperty("count");
      expect(typeof client.echo).toBe("function");
      expect(typeof client.count).toBe("function");
    });

    it("rejects something that is not a task, or a task named like a client method", () => {
      expect(() => createClient().with((() => 1) as never)).toThrow(InferenceInputError);
      const clash = defineTask({ taskName: "x", methodName: "post" }, async () => 1);
      expect(() => createClient().with(clash)).toThrow(/defineTask/);
    });

    it("never patches a prototype", () => {
      const before = Object.getOwnPropertyNames(Object.getPrototypeOf(createClient())).sort();
      createClient().with(echo, count);
      expect(Object.getOwnPropertyNames(Object.getPrototypeOf(createClient())).sort()).toEqual(before);
    });
  });

  describe("defineTask", () => {
    it("gives the function its identity and keeps it callable standalone", async () => {
      expect(echo.taskName).toBe("echo-task");
      expect(echo.methodName).toBe("echo");
      const result = await echo(createClient({ endpoint: server.url, token: false }), "x", { model: "alone" });
      expect(JSON.parse(result).url).toBe("/models/alone");
    });
  });

  describe("options", () => {
    it("rejects a bad timeout, token or retry with InferenceInputError naming it", () => {
      expect(() => createClient({ timeout: -1 })).toThrow(/options.timeout/);
      expect(() => createClient({ token: 1 as never })).toThrow(/options.token/);
      expect(() => createClient({ retry: { retries: Number.NaN } })).toThrow(/options.retry.retries/);
      expect(() => createClient({ pipelineLayout: "other" as never })).toThrow(/options.pipelineLayout/);
    });
  });
});
