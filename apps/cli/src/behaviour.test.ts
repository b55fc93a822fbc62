import type { ServerResponse } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InferenceClient } from "@infer/inference";
import { findTapes, fixtureBytes, sendJson, startServer, type RecordedRequest, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infer, start } from "./__fixtures__/run-cli.js";

const sst2 = findTapes("distilbert-base-uncased-finetuned-sst-2-english")[0]!;
const missing = findTapes("this-model-does-not-exist-123")[0]!;
const streamTape = findTapes("google/flan-t5-xxl", '"stream":true')[0]!;
const streamEvents = streamTape.response.body.split(/\n\n+/).filter((event) => event.startsWith("data:"));
const streamedText = streamEvents
  .map((event) => JSON.parse(event.slice(5)) as { token: { text: string; special: boolean } })
  .filter((event) => !event.token.special)
  .map((event) => event.token.text)
  .join("");
const png = fixtureBytes("cheetah.png");
const panoptic = findTapes("facebook/detr-resnet-50-panoptic")[0]!;

const answers = ["Paris is the capital.", "Its population is about two million."];
/** An OpenAI-style chat server: the n-th answer for a conversation of n user messages, streamed or not. */
function chat(request: RecordedRequest, response: ServerResponse): void {
  const body = request.json() as { messages: { role: string }[]; stream?: boolean };
  const text = answers[(body.messages.filter((message) => message.role === "user").length - 1) % answers.length]!;
  const completion = {
    id: "c1",
    object: "chat.completion",
    created: 1,
    model: "tgi",
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
  };
  if (!body.stream) return sendJson(response, completion);
  response.writeHead(200, { "content-type": "text/event-stream" });
  for (const piece of text.split(/(?= )/)) {
    response.write(
      `data:${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "tgi", choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
    );
  }
  response.end("data: [DONE]\n\n");
}

let release: () => void = () => {};
const routes: Record<string, (request: RecordedRequest, response: ServerResponse) => unknown> = {
  "/models/sst2*": (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(sst2.response.body);
  },
  "/models/vit*": (_request, response) => sendJson(response, [{ label: "cheetah", score: 0.99 }]),
  "/models/this-model-does-not-exist-123": (_request, response) => {
    response.writeHead(missing.response.status, { "content-type": "application/json" });
    response.end(missing.response.body);
  },
  "/media/cheetah.png": (_request, response) => {
    response.writeHead(200, { "content-type": "image/png" });
    response.end(png);
  },
  "/models/facebook/detr-resnet-50-panoptic": (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(panoptic.response.body);
  },
  "/models/png*": (_request, response) => {
    response.writeHead(200, { "content-type": "image/png" });
    response.end(png);
  },
  "/models/broken": (_request, response) => sendJson(response, { error: "the GPU caught fire" }, 500),
  // Never answers: for timeouts and Ctrl-C.
  "/models/hang*": () => new Promise(() => {}),
  "/models/streamer": async (_request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream" });
    response.write(`${streamEvents[0]}\n\n`);
    // The rest only once the test has seen the first token printed: proof that tokens print as they arrive.
    await new Promise<void>((resolve) => (release = resolve));
    for (const event of streamEvents.slice(1)) response.write(`${event}\n\n`);
    response.end();
  },
  "/models/chat*": chat,
  "/status/gpt2": (_request, response) =>
    sendJson(response, { loaded: true, state: "Loaded", compute_type: "gpu", framework: "text-generation-inference" }),
  "/framework/text-generation-inference": (_request, response) =>
    sendJson(response, [
      { model_id: "bigcode/starcoder", task: "text-generation", compute_type: "gpu" },
      { model_id: "HuggingFaceH4/zephyr-7b-beta", task: "text-generation", compute_type: "gpu" },
    ]),
};

let server: TestServer;
let directory: string;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const path = request.url.split("?")[0]!;
    // Exact paths, or prefixes ending in *: each test calls its own model, so tests can run concurrently.
    const route =
      routes[path] ??
      Object.entries(routes).find(([key]) => key.endsWith("*") && path.startsWith(key.slice(0, -1)))?.[1];
    if (route) return route(request, response);
    sendJson(response, { error: `no route for ${request.url}` }, 404);
  });
  directory = mkdtempSync(join(tmpdir(), "infer-cli-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const common = () => ["--endpoint", server.url, "--hub-endpoint", server.url];
const requestsTo = (path: string) => server.requests.filter((request) => request.url.split("?")[0] === path);
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".part"));

async function untilRequest(path: string, count: number): Promise<void> {
  while (requestsTo(path).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.concurrent("@infer/cli", () => {
  describe("inputs", () => {
    it("reads a text input from stdin with -, dropping the final newline", async () => {
      const { code, text } = await infer(["text-classification", "-", "--model", "sst2-stdin", ...common()], {
        stdin: "I like you. I love you.\n",
      });
      expect(code).toBe(0);
      expect(JSON.parse(text)).toEqual((JSON.parse(sst2.response.body) as unknown[])[0]);
      expect(requestsTo("/models/sst2-stdin").map((request) => request.json())).toEqual([
        { inputs: "I like you. I love you." },
      ]);
    });

    it("reads a binary input from stdin with -, byte for byte", async () => {
      const { code, text } = await infer(["image-classification", "-", "--model", "vit-stdin", ...common()], {
        stdin: png,
      });
      expect(code).toBe(0);
      expect(JSON.parse(text)).toEqual([{ label: "cheetah", score: 0.99 }]);
      const received = requestsTo("/models/vit-stdin");
      expect(received.length).toBe(1);
      expect(received[0]!.body.equals(png)).toBe(true);
    });
  });

  it("downloads an http(s) URL input without the token, and sends its bytes to the model with it", async () => {
    const token = "hf_urlInputToken";
    const { code } = await infer([
      "image-classification",
      `${server.url}/media/cheetah.png`,
      "--token",
      token,
      "--model",
      "vit-url",
      ...common(),
    ]);
    expect(code).toBe(0);
    expect(requestsTo("/media/cheetah.png").at(-1)!.headers["authorization"]).toBeUndefined();
    const [model] = requestsTo("/models/vit-url");
    expect(model!.headers["authorization"]).toBe(`Bearer ${token}`);
    expect(model!.body.equals(png)).toBe(true);
  });

  describe("-o FILE", () => {
    it("image-segmentation -o DIR writes each mask as a PNG file and prints their paths", async () => {
      const dir = join(mkdtempSync(join(directory, "masks-")), "masks");
      const { code, text } = await infer(
        ["image-segmentation", "-", "-o", dir, "--model", "facebook/detr-resnet-50-panoptic", ...common()],
        { stdin: png },
      );
      expect(code).toBe(0);
      const recorded = JSON.parse(panoptic.response.body) as { label: string; score: number; mask: string }[];
      const printed = JSON.parse(text) as { label: string; score: number; mask: string }[];
      expect(printed.map(({ label, score }) => ({ label, score }))).toEqual(
        recorded.map(({ label, score }) => ({ label, score })),
      );
      for (const [index, segment] of printed.entries()) {
        expect(segment.mask).toBe(join(dir, `mask-${index}.png`));
        expect(readFileSync(segment.mask).equals(Buffer.from(recorded[index]!.mask, "base64"))).toBe(true);
      }
      expect(leftovers(dir)).toEqual([]);
    });

    it("refuses to overwrite an existing file without --force, before any request (exit 2)", async () => {
      const file = join(directory, "exists.png");
      writeFileSync(file, "old");
      const { code, stderr } = await infer([
        "text-to-image",
        "a cat",
        "--model",
        "png-refused",
        "-o",
        file,
        ...common(),
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain("-o");
      expect(stderr).toContain("--force");
      expect(requestsTo("/models/png-refused")).toEqual([]);
      expect(readFileSync(file, "utf8")).toBe("old");
    });

    it("leaves an existing file untouched and no temporary file when the call fails, even with --force (exit 3)", async () => {
      const dir = mkdtempSync(join(directory, "atomic-"));
      const file = join(dir, "result.png");
      writeFileSync(file, "old");
      const { code, stderr } = await infer([
        "text-to-image",
        "a cat",
        "--model",
        "broken",
        "-o",
        file,
        "--force",
        ...common(),
      ]);
      expect(code).toBe(3);
      expect(stderr).toContain("HTTP 500");
      expect(stderr).toContain("the GPU caught fire");
      expect(readFileSync(file, "utf8")).toBe("old");
      expect(leftovers(dir)).toEqual([]);

      const replaced = await infer(["text-to-image", "a cat", "--model", "png", "-o", file, "--force", ...common()]);
      expect(replaced.code).toBe(0);
      expect(readFileSync(file).equals(png)).toBe(true);
      expect(readdirSync(dir)).toEqual(["result.png"]);
    });
  });

  describe("exit codes", () => {
    it("exits 2 naming the argument for bad usage and bad input, before any request", async () => {
      const [badNumber, noFile, srcLang, noModel, twoStdin, unknown] = await Promise.all([
        infer(["text-generation", "hello", "--max-new-tokens", "many", ...common()]),
        infer(["image-classification", join(directory, "no-such.png"), "--model", "never-called", ...common()]),
        infer(["translation", "hello", "--src-lang", "en_XX", "--model", "never-called", ...common()]),
        infer(["tabular-regression", join(directory, "fish.csv"), ...common()]),
        infer(["question-answering", "-", "-", "--model", "never-called", ...common()], { stdin: "x" }),
        infer(["text-clasification", "hello"]),
      ]);
      for (const result of [badNumber, noFile, srcLang, noModel, twoStdin, unknown]) expect(result.code).toBe(2);
      expect(badNumber.stderr).toContain("--max-new-tokens");
      expect(badNumber.stderr).toContain("expected an integer");
      expect(noFile.stderr).toContain("image: no such file");
      expect(srcLang.stderr).toContain("`--tgt-lang`");
      expect(noModel.stderr).toContain("--model");
      expect(twoStdin.stderr).toContain("only one input can be -");
      expect(unknown.stderr).toContain("unknown command");
      expect(unknown.stderr).toContain("text-classification");
      expect(requestsTo("/models/never-called")).toEqual([]);
    });

    it("exits 3 with the status and the server's message, and never prints the token", async () => {
      const token = "hf_cliSecretToken123";
      const { code, stderr, text } = await infer([
        "fill-mask",
        "[MASK] world!",
        "--model",
        "this-model-does-not-exist-123",
        "--token",
        token,
        ...common(),
      ]);
      expect(code).toBe(3);
      expect(text).toBe("");
      expect(stderr).toContain("HTTP 404");
      expect(stderr).toContain((JSON.parse(missing.response.body) as { error: string }).error);
      expect(stderr).not.toContain(token);
      expect(requestsTo("/models/this-model-does-not-exist-123").at(-1)!.headers["authorization"]).toBe(
        `Bearer ${token}`,
      );
    });

    it("exits 4 when --timeout expires", async () => {
      const { code, stderr } = await infer([
        "text-classification",
        "hello",
        "--model",
        "hang-timeout",
        "--timeout",
        "300ms",
        ...common(),
      ]);
      expect(code).toBe(4);
      expect(stderr).toMatch(/time/i);
    });

    it("exits 130 on Ctrl-C mid-request, leaving no file and no temporary file", async () => {
      const dir = mkdtempSync(join(directory, "interrupt-"));
      const run = start([
        "text-to-image",
        "a cat",
        "--model",
        "hang-interrupt",
        "-o",
        join(dir, "cat.png"),
        ...common(),
      ]);
      await untilRequest("/models/hang-interrupt", 1);
      run.child.kill("SIGINT");
      const { code, stderr } = await run.done;
      expect(code).toBe(130);
      expect(stderr).toContain("interrupted");
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  describe("streaming", () => {
    it("text-generation --stream prints each token as it arrives", async () => {
      const run = start(["text-generation", "repeat", "--stream", "--model", "streamer", ...common()]);
      const first = (JSON.parse(streamEvents[0]!.slice(5)) as { token: { text: string } }).token.text;
      // The server holds back the other tokens until this one is on stdout.
      await run.waitForStdout(first);
      release();
      const { code, text, stderr } = await run.done;
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(text).toBe(`${streamedText}\n`);
      expect((requestsTo("/models/streamer").at(-1)!.json() as { stream: boolean }).stream).toBe(true);
    });

    it("chat prints the answer streamed, or the whole completion with --json", async () => {
      const [streamed, json] = await Promise.all([
        infer(["chat", "What", "is", "the", "capital", "of", "France?", "--model", "chat-one", ...common()]),
        infer([
          "chat",
          "What is the capital of France?",
          "--json",
          "--max-tokens",
          "20",
          "--model",
          "chat-one",
          ...common(),
        ]),
      ]);
      expect(streamed.stderr).toBe("");
      expect(streamed.code).toBe(0);
      expect(streamed.text).toBe(`${answers[0]}\n`);
      expect(json.code).toBe(0);
      expect(
        (JSON.parse(json.text) as { choices: { message: { content: string } }[] }).choices[0]!.message.content,
      ).toBe(answers[0]);
      const bodies = requestsTo("/models/chat-one/v1/chat/completions").map(
        (request) => request.json() as Record<string, unknown>,
      );
      expect(bodies).toContainEqual(
        expect.objectContaining({
          messages: [{ role: "user", content: "What is the capital of France?" }],
          stream: true,
        }),
      );
      expect(bodies).toContainEqual(expect.objectContaining({ max_tokens: 20 }));
    });

    it("chat -i keeps the conversation, one message per line", async () => {
      const { code, text } = await infer(
        ["chat", "-i", "--system", "Be brief.", "--model", "chat-session", ...common()],
        {
          stdin: "What is the capital of France?\nHow many people live there?\n",
        },
      );
      expect(code).toBe(0);
      expect(text).toBe(`${answers[0]}\n${answers[1]}\n`);
      const [first, second] = requestsTo("/models/chat-session/v1/chat/completions").map(
        (request) => (request.json() as { messages: unknown }).messages,
      );
      expect(first).toEqual([
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is the capital of France?" },
      ]);
      expect(second).toEqual([
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is the capital of France?" },
        { role: "assistant", content: answers[0] },
        { role: "user", content: "How many people live there?" },
      ]);
    });
  });

  describe("other commands", () => {
    it("post sends the JSON body and prints the answer; status and models print the Hub helpers' results", async () => {
      const body = { inputs: "I like you. I love you." };
      const [post, status, models] = await Promise.all([
        infer(["post", "--json", JSON.stringify(body), "--model", "sst2-post", ...common()]),
        infer(["status", "gpt2", ...common()]),
        infer(["models", "--framework", "text-generation-inference", ...common()]),
      ]);
      expect(post.code).toBe(0);
      expect(JSON.parse(post.text)).toEqual(JSON.parse(sst2.response.body));
      expect(requestsTo("/models/sst2-post").map((request) => request.json())).toEqual([body]);
      const client = new InferenceClient({ endpoint: server.url, token: false });
      expect(status.code).toBe(0);
      expect(JSON.parse(status.text)).toEqual(await client.getModelStatus("gpt2"));
      expect(models.code).toBe(0);
      expect(JSON.parse(models.text)).toEqual(await client.listDeployedModels("text-generation-inference"));
      expect(Object.keys(JSON.parse(models.text) as object)).toEqual(["text-generation"]);
    });

    it("--provider goes to the client, never into the request", async () => {
      const { code } = await infer([
        "text-classification",
        "provider check",
        "--provider",
        "hf-inference",
        "--model",
        "sst2-flagged",
        ...common(),
      ]);
      expect(code).toBe(0);
      const [request] = requestsTo("/models/sst2-flagged");
      expect(request!.json()).toEqual({ inputs: "provider check" });
      expect(request!.url).toBe("/models/sst2-flagged");
      expect(JSON.stringify(request!.headers)).not.toContain("hf-inference");
    });

    it("serve prints where it listens, answers, and stops on SIGTERM with exit 0", async () => {
      const run = start(["serve", "--port", "0"]);
      await run.waitForStdout("\n");
      const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(run.output())?.[1];
      expect(url).toBeDefined();
      // Any HTTP answer shows it is serving (its routes are @infer/server's to test).
      const answer = await fetch(`${url}/api/tasks`);
      await answer.arrayBuffer();
      expect(answer.status).toBeGreaterThanOrEqual(200);
      run.child.kill("SIGTERM");
      const { code } = await run.done;
      expect(code).toBe(0);
    });
  });

  describe("progress", () => {
    it("prints no spinner or progress bar when piped, even for a large upload", async () => {
      const big = join(directory, "big.png");
      writeFileSync(big, Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]));
      const { code, stderr } = await infer(["image-classification", big, "--model", "vit-big", ...common()]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(existsSync(big)).toBe(true);
    });
  });
});
