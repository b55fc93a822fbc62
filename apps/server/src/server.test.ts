import { existsSync, readFileSync } from "node:fs";
import { InferenceClient } from "@infer/inference";
import { fixtureBytes } from "@infer/testing";
import wavefile from "wavefile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAudio, encodeWav } from "./backends/audio.js";
import { samplePhotoPath, startServer, type RunningServer } from "./index.js";

// One server for the whole file: each model loads once (OCR and detection take seconds on a loaded machine).
let server: RunningServer;
let client: InferenceClient;

beforeAll(async () => {
  server = await startServer({ bodyLimit: 4 * 1024 * 1024, loadWait: 60_000 });
  client = new InferenceClient({ endpoint: server.url, hubEndpoint: server.url, token: false, timeout: 120_000 });
});

afterAll(async () => {
  await server?.close();
});

function installedAsr(): boolean {
  return (process.env["PATH"] ?? "")
    .split(":")
    .some((directory) => directory !== "" && existsSync(`${directory}/pocketsphinx_continuous`));
}

async function post(
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  const response = await fetch(`${server.url}${path}`, { method: "POST", body, headers });
  const type = response.headers.get("content-type") ?? "";
  return {
    response,
    status: response.status,
    body: type.includes("json") ? ((await response.json()) as Record<string, unknown>) : await response.text(),
  };
}

describe("text tasks", () => {
  it("text-classification gives opposite sentiments different labels, with no model given", async () => {
    const happy = await client.textClassification("I love this wonderful, delightful library. It is great!");
    const sad = await client.textClassification("This is terrible, I hate it, the worst thing ever.");
    expect(happy[0]!.label).toBe("POSITIVE");
    expect(sad[0]!.label).toBe("NEGATIVE");
    expect(happy[0]!.score).toBeGreaterThan(0.5);
    expect(happy[0]!.score + happy[1]!.score).toBeCloseTo(1, 3);
  });

  it("token-classification finds people, places and organisations at their offsets", async () => {
    const text = "Barack Obama visited Paris and then flew to Microsoft headquarters.";
    const entities = await client.tokenClassification(text);
    const groups = Object.fromEntries(entities.map((entity) => [entity.word, entity.entity_group]));
    expect(groups).toMatchObject({ "Barack Obama": "PER", Paris: "LOC", Microsoft: "ORG" });
    for (const entity of entities) expect(text.slice(entity.start!, entity.end!)).toBe(entity.word);
  });

  it("tabular classification and regression use forests trained on iris", async () => {
    const table = {
      sepal_length: ["5.1", "6.4", "7.7"],
      sepal_width: ["3.5", "3.2", "3.0"],
      petal_length: ["1.4", "4.5", "6.1"],
      petal_width: ["0.2", "1.5", "2.3"],
    };
    expect(await client.tabularClassification(table, { model: "infer/iris-random-forest" })).toEqual([
      "setosa",
      "versicolor",
      "virginica",
    ]);
    const { petal_width: truth, ...features } = table;
    const widths = await client.tabularRegression(features, { model: "infer/iris-random-forest-regression" });
    expect(widths).toHaveLength(3);
    for (const [index, width] of widths.entries()) expect(Math.abs(width - Number(truth[index]))).toBeLessThan(0.4);
  });
});

describe("text generation and chat", () => {
  it("two prompts give different generations, and the stream adds up to the whole answer", async () => {
    const fox = await client.textGeneration("The Fox saw the grapes", { maxNewTokens: 15 });
    const lion = await client.textGeneration("The Lion was caught by hunters", { maxNewTokens: 15 });
    expect(fox).not.toBe(lion);
    expect(fox.length).toBeGreaterThan(20);
    let streamed = "";
    for await (const token of await client.textGeneration("The Fox saw the grapes", { stream: true, maxNewTokens: 15 }))
      streamed += token;
    expect(streamed).toBe(fox);
  });

  it("speaks TGI's SSE format on /generate_stream and the whole answer on /generate", async () => {
    const { status, response, body } = await post(
      "/generate_stream",
      JSON.stringify({ inputs: "The Hare", parameters: { max_new_tokens: 4 } }),
    );
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (body as string)
      .split("\n\n")
      .filter(Boolean)
      .map((event) => JSON.parse(event.replace(/^data:/, "")) as Record<string, unknown>);
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ token: { special: false }, generated_text: null, details: null });
    expect(events[3]).toMatchObject({ details: { finish_reason: "length", generated_tokens: 4 } });
    const whole = await post(
      "/generate",
      JSON.stringify({ inputs: "The Hare", parameters: { max_new_tokens: 4, details: true } }),
    );
    expect(whole.body).toEqual([
      { generated_text: events[3]!["generated_text"], details: expect.objectContaining({ generated_tokens: 4 }) },
    ]);
  });

  it("answers chat completions whole and streamed, about the prompt", async () => {
    const mouse = await client.chatCompletion(
      { messages: [{ role: "user", content: "Tell me about the Mouse" }], maxTokens: 12 },
      { model: server.url },
    );
    const crow = await client.chatCompletion(
      { messages: [{ role: "user", content: "Tell me about the Crow" }], maxTokens: 12 },
      { model: server.url },
    );
    expect(mouse.choices[0]!.message.content).not.toBe(crow.choices[0]!.message.content);
    let streamed = "";
    for await (const chunk of await client.chatCompletion(
      { messages: [{ role: "user", content: "Tell me about the Mouse" }], maxTokens: 12, stream: true },
      { model: server.url },
    )) {
      streamed += chunk.choices[0]?.delta.content ?? "";
    }
    expect(streamed).toBe(mouse.choices[0]!.message.content);
  });
});

describe("media tasks", () => {
  it("text-to-speech answers a WAV that decodes and lasts over half a second", async () => {
    const audio = await client.textToSpeech("Hello there, this is the local speech server.");
    expect(audio.type).toBe("audio/wav");
    const wav = new wavefile.WaveFile(new Uint8Array(await audio.arrayBuffer()));
    const format = wav.fmt as { sampleRate: number; numChannels: number };
    const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array;
    expect(samples.length / format.sampleRate / format.numChannels).toBeGreaterThan(0.5);
    expect(Math.max(...samples.slice(0, 40_000).map(Math.abs))).toBeGreaterThan(1000);
  });

  it("image-to-text reads the invoice (OCR)", async () => {
    const text = await client.imageToText(fixtureBytes("invoice.png"));
    expect(text).toContain("East Repair");
  });

  it("object-detection finds a person in a photo with people", async () => {
    const objects = await client.objectDetection(readFileSync(samplePhotoPath()));
    const people = objects.filter((object) => object.label === "person");
    expect(people.length).toBeGreaterThan(0);
    expect(people[0]!.box.xmax).toBeGreaterThan(people[0]!.box.xmin);
    // A cheetah is no person.
    const cheetah = await client.objectDetection(fixtureBytes("cheetah.png"));
    expect(cheetah.some((object) => object.label === "person")).toBe(false);
  });
});

describe("speech recognition", () => {
  const installed = (process.env["PATH"] ?? "")
    .split(":")
    .some((directory) => directory !== "" && existsSync(`${directory}/pocketsphinx_continuous`));

  it.runIf(installed)("transcribes speech with Debian's PocketSphinx", async () => {
    // Seconds 8.5 to the end of sample1.flac: "… at some place of worship on Sunday morning, and he can come to us …".
    const audio = await decodeAudio(fixtureBytes("sample1.flac"));
    const clip = encodeWav(audio.samples.subarray(Math.round(8.5 * audio.sampleRate)), audio.sampleRate);
    const text = await client.automaticSpeechRecognition(clip);
    expect(text).toContain("sunday morning");
  });

  it.runIf(!installed)("answers 501 naming the Debian packages to install when PocketSphinx is missing", async () => {
    const answer = await post("/models/infer/pocketsphinx-en-us", fixtureBytes("sample1.flac"), {
      "content-type": "audio/flac",
    });
    expect(answer.status).toBe(501);
    expect((answer.body as { error: string }).error).toContain("apt-get install pocketsphinx pocketsphinx-en-us");
  });
});

describe("the Hub's routes", () => {
  it("lists its models per task, describes each honestly, and reports status", async () => {
    const tasks = (await (await fetch(`${server.url}/api/tasks`)).json()) as Record<string, { widgetModels: string[] }>;
    expect(tasks["image-to-text"]!.widgetModels).toEqual(["infer/tesseract-eng"]);
    const info = (await (await fetch(`${server.url}/api/models/infer/tesseract-eng`)).json()) as Record<
      string,
      unknown
    >;
    expect(info).toMatchObject({
      pipeline_tag: "image-to-text",
      inferenceProviderMapping: { "hf-inference": { status: "live", task: "image-to-text" } },
    });
    expect(info["backend"]).toMatchObject({ package: expect.stringContaining("tesseract.js") });
    expect(await client.getModelStatus("infer/tesseract-eng")).toMatchObject({
      loaded: true,
      state: "Loaded",
      compute_type: "cpu",
    });
    const framework = (await (await fetch(`${server.url}/framework/text-generation-inference`)).json()) as {
      model_id: string;
    }[];
    expect(framework.map((model) => model.model_id)).toEqual(["infer/aesop-trigram"]);
    expect((await fetch(`${server.url}/api/models/nobody/nothing`)).status).toBe(404);
    expect(((await (await fetch(`${server.url}/health`)).json()) as { status: string }).status).toBe("ok");
  });

  it("answers CORS preflights and exposes the request id", async () => {
    const preflight = await fetch(`${server.url}/models/infer/wink-sentiment`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const { response } = await post("/models/infer/wink-sentiment", JSON.stringify({ inputs: "fine" }), {
      "content-type": "application/json",
      origin: "http://localhost:5173",
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });
});

describe("bad requests", () => {
  it.each([
    ["malformed JSON", "/models/infer/wink-sentiment", "{inputs:", "application/json", 400, /not valid JSON/],
    ["a JSON array body", "/models/infer/wink-sentiment", "[1]", "application/json", 400, /JSON object/],
    [
      "inputs of the wrong type",
      "/models/infer/wink-sentiment",
      '{"inputs": 42}',
      "application/json",
      400,
      /`inputs` must be a string/,
    ],
    ["a non-JSON type on a JSON task", "/models/infer/wink-sentiment", "hello", "image/png", 415, /JSON body/],
    [
      "an empty TTS text",
      "/models/infer/espeak-ng-en-us",
      '{"inputs": ""}',
      "application/json",
      400,
      /non-empty string/,
    ],
    [
      "a table without a column",
      "/models/infer/iris-random-forest",
      '{"table": {"sepal_length": ["1"]}}',
      "application/json",
      400,
      /table\.sepal_width/,
    ],
    [
      "a cell that is no number",
      "/models/infer/iris-random-forest-regression",
      '{"table": {"sepal_length": ["x"], "sepal_width": ["1"], "petal_length": ["1"]}}',
      "application/json",
      400,
      /sepal_length\[0\]` is not a number/,
    ],
    [
      "an undecodable image (OCR)",
      "/models/infer/tesseract-eng",
      "not an image at all",
      "application/octet-stream",
      415,
      /not an image/,
    ],
    [
      "an undecodable image (detection)",
      "/models/infer/human-centernet",
      "GIF89a broken",
      "image/gif",
      415,
      /not an image/,
    ],
    [
      "audio that is neither WAV nor FLAC",
      "/models/infer/pocketsphinx-en-us",
      "ID3 not really audio",
      "audio/mpeg",
      installedAsr() ? 415 : 501,
      installedAsr() ? /WAV or FLAC/ : /apt-get install/,
    ],
    [
      "a broken FLAC",
      "/models/infer/pocketsphinx-en-us",
      "fLaC broken",
      "audio/flac",
      installedAsr() ? 415 : 501,
      installedAsr() ? /FLAC audio cannot be decoded/ : /apt-get install/,
    ],
    ["an empty image body", "/models/infer/human-centernet", "", "application/octet-stream", 400, /empty/],
    [
      "max_new_tokens out of range",
      "/generate",
      '{"inputs": "a", "parameters": {"max_new_tokens": 0}}',
      "application/json",
      422,
      /max_new_tokens/,
    ],
    ["chat without messages", "/v1/chat/completions", '{"messages": []}', "application/json", 422, /messages/],
  ])("%s answers a clear error", async (_name, path, body, type, status, message) => {
    const answer = await post(path, body, { "content-type": type });
    expect(answer.status).toBe(status);
    expect((answer.body as { error: string }).error).toMatch(message);
  });

  it("answers 413 for a body over the limit, and the server goes on", async () => {
    const answer = await post("/models/infer/tesseract-eng", new Uint8Array(5 * 1024 * 1024), {
      "content-type": "application/octet-stream",
    });
    expect(answer.status).toBe(413);
    expect((answer.body as { error: string }).error).toMatch(/larger than this server's limit of 4194304 bytes/);
    expect((await post("/models/infer/wink-sentiment", '{"inputs":"good"}')).status).toBe(200);
  });

  it("answers 501 naming the task for a task it does not serve, and 404 for a model it does not have", async () => {
    const unserved = await post("/pipeline/summarization/facebook/bart-large-cnn", '{"inputs":"text"}');
    expect(unserved.status).toBe(501);
    expect(unserved.body).toMatchObject({
      task: "summarization",
      served_tasks: expect.arrayContaining(["text-classification", "image-to-text"]),
    });
    expect((unserved.body as { error: string }).error).toMatch(/summarization is not served/);
    const router = await post("/models/facebook/bart-large-cnn/pipeline/summarization", '{"inputs":"text"}');
    expect(router.status).toBe(501);
    const unknown = await post("/models/nobody/nothing", '{"inputs":"text"}');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: string }).error).toMatch(/does not exist on this server/);
    const wrongTask = await post("/pipeline/text-generation/infer/wink-sentiment", '{"inputs":"text"}');
    expect(wrongTask.status).toBe(400);
  });
});

describe("a model that is loading", () => {
  it("answers 503 with estimated_time, and the client waits for it", async () => {
    const cold = await startServer({ models: ["text-classification"], loadWait: 0 });
    try {
      const first = await fetch(`${cold.url}/models/infer/wink-sentiment`, {
        method: "POST",
        body: '{"inputs":"good"}',
        headers: { "content-type": "application/json" },
      });
      expect(first.status).toBe(503);
      const body = (await first.json()) as { error: string; estimated_time: number };
      expect(body.error).toBe("Model infer/wink-sentiment is currently loading");
      expect(body.estimated_time).toBeGreaterThan(0);
      const coldClient = new InferenceClient({
        endpoint: cold.url,
        hubEndpoint: cold.url,
        token: false,
        timeout: 60_000,
      });
      expect((await coldClient.textClassification("what a lovely day"))[0]!.label).toBe("POSITIVE");
      // Only the selected models are served.
      const other = await fetch(`${cold.url}/pipeline/text-generation/infer/aesop-trigram`, {
        method: "POST",
        body: '{"inputs":"a"}',
        headers: { "content-type": "application/json" },
      });
      expect(other.status).toBe(501);
    } finally {
      await cold.close();
    }
  });

  it("waits instead with X-Wait-For-Model", async () => {
    const cold = await startServer({ models: ["infer/compromise-ner"], loadWait: 0 });
    try {
      const answer = await fetch(`${cold.url}/models/infer/compromise-ner`, {
        method: "POST",
        body: '{"inputs":"Paris"}',
        headers: { "content-type": "application/json", "x-wait-for-model": "true" },
      });
      expect(answer.status).toBe(200);
    } finally {
      await cold.close();
    }
  });

  it("rejects an unknown model name in `models`", async () => {
    await expect(startServer({ models: ["no-such-model"] })).rejects.toThrow(/unknown model or task: no-such-model/);
  });
});
