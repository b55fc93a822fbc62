import { sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createClient, InferenceOutputError, ValidationError } from "../index.js";
import {
  defineTask,
  expectOutput,
  isLabelScoreList,
  postBinary,
  postTgi,
  readBase64,
  resolveModel,
} from "../task-kit-entry.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === "/api/tasks") return sendJson(response, { "text-generation": { widgetModels: ["gpt2"] } });
    if (request.url === "/models/tgi")
      return sendJson(
        response,
        { error: "Input validation error: `top_p` must be > 0.0", error_type: "validation" },
        422,
      );
    if (request.url === "/models/plain") return sendJson(response, { error: "not found" }, 404);
    return sendJson(response, [{ label: "ok", score: 1 }]);
  });
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

const client = (model?: string) =>
  createClient({ endpoint: server.url, hubEndpoint: server.url, token: false, retry: false, ...(model && { model }) });

describe("task kit helpers", () => {
  it("resolveModel: the call's model, else the client's, else the task's recommended one", async () => {
    expect(await resolveModel(client("client-model"), { model: "call-model" }, "text-generation")).toBe("call-model");
    expect(await resolveModel(client("client-model"), {}, "text-generation")).toBe("client-model");
    expect(server.requests).toHaveLength(0);
    expect(await resolveModel(client(), {}, "text-generation")).toBe("gpt2");
    expect(server.requests.map((request) => request.url)).toEqual(["/api/tasks"]);
  });

  it("readBase64: the input's bytes as base64; bad input names the argument, before any request", async () => {
    expect(await readBase64(client(), new Uint8Array([104, 105]), "image")).toBe("aGk=");
    await expect(readBase64(client(), 42 as never, "image")).rejects.toMatchObject({
      name: "InferenceInputError",
      argument: "image",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("postBinary: the raw bytes without parameters, base64 JSON with them", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    await postBinary(
      client("m"),
      { task: "image-classification", data: bytes, argument: "image", parameters: undefined },
      {},
    );
    await postBinary(
      client("m"),
      {
        task: "image-classification",
        data: bytes,
        argument: "image",
        parameters: { top_k: 2 },
        headers: { accept: "x/y" },
      },
      {},
    );
    const [raw, json] = server.requests;
    expect([...(raw?.body ?? [])]).toEqual([1, 2, 3]);
    expect(raw?.headers["content-type"]).not.toBe("application/json");
    expect(json?.json()).toEqual({ inputs: "AQID", parameters: { top_k: 2 } });
    expect(json?.headers["accept"]).toBe("x/y");
    await expect(
      postBinary(
        client("m"),
        { task: "image-classification", data: 7 as never, argument: "audio", parameters: { top_k: 1 } },
        {},
      ),
    ).rejects.toMatchObject({ argument: "audio" });
    expect(server.requests).toHaveLength(2);
  });

  it("postTgi: TGI's typed errors, other errors as they were", async () => {
    const typed = await postTgi(client("tgi"), { json: { inputs: "x" } }).catch((error: unknown) => error);
    expect(typed).toBeInstanceOf(ValidationError);
    const plain = await postTgi(client("plain"), { json: { inputs: "x" } }).catch((error: unknown) => error);
    expect(plain).toMatchObject({ name: "InferenceHTTPError", status: 404 });
  });

  it("expectOutput returns the checked body typed, or throws with the body attached", () => {
    const body: unknown = [{ label: "a", score: 0.5 }];
    const checked = expectOutput(body, isLabelScoreList, "text-classification", "[{label, score}]");
    expectTypeOf(checked).toEqualTypeOf<{ label: string; score: number }[]>();
    expect(checked).toBe(body);
    expect(() => expectOutput({ no: 1 }, isLabelScoreList, "text-classification", "[{label, score}]")).toThrow(
      InferenceOutputError,
    );
    // The older form still checks a boolean.
    expect(() => expectOutput(false, "fill-mask", "[…]", {})).toThrow(InferenceOutputError);
    expect(expectOutput(true, "fill-mask", "[…]", {})).toBeUndefined();
  });

  it("defineTask takes the method type explicitly, for overloaded task functions", async () => {
    interface EchoMethod {
      (text: string): Promise<string>;
      (text: string, options: { twice: true }): Promise<string[]>;
    }
    const echo = defineTask<
      "echo",
      (client: unknown, text: string, options?: { twice?: boolean }) => Promise<string | string[]>,
      EchoMethod
    >({ taskName: "echo", methodName: "echo" }, async (_client, text, options) =>
      options?.twice ? [text, text] : text,
    );
    const withEcho = client().with(echo);
    expectTypeOf(withEcho.echo).toEqualTypeOf<EchoMethod>();
    expect(await withEcho.echo("hi", { twice: true })).toEqual(["hi", "hi"]);
  });
});
