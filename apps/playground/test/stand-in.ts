// A loopback stand-in for the tasks the local @infer/server does not serve (yet): it answers with the
// responses recorded from the real service (packages/testing's tapes; the chat stream from the April 2025
// recording in ./fixtures), streams them event by event, and speaks CORS as a browser needs.
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fixtureBytes, findTapes, startServer, type RecordedRequest, type TestServer } from "@infer/testing";

const chatStream = JSON.parse(readFileSync(new URL("./fixtures/chat-completion-stream.json", import.meta.url), "utf8")) as {
  contentType: string;
  body: string;
};

/** The recorded model of each task, and its recorded exchange. */
export const STAND_IN_MODELS: Record<string, string> = {
  "text-classification": "distilbert-base-uncased-finetuned-sst-2-english",
  "text-generation": "google/flan-t5-xxl",
  "chat-completion": "mistralai/Mistral-7B-Instruct-v0.2",
  "text-to-speech": "espnet/kan-bayashi_ljspeech_vits",
  "image-to-text": "nlpconnect/vit-gpt2-image-captioning",
  "object-detection": "facebook/detr-resnet-50",
};

/** The prompt of the recorded text-generation stream. */
export const RECORDED_STREAM_PROMPT = 'repeat "one two three four"';

/** A model that answers "currently loading" once, then classifies. */
export const LOADING_MODEL = "infer-test/loading-model";
export const LOADING_ESTIMATE = 1.5;

const EVENT_DELAY_MS = 60;

function cors(request: RecordedRequest, response: ServerResponse): void {
  response.setHeader("access-control-allow-origin", "*");
  response.setHeader("access-control-expose-headers", "x-compute-type, x-compute-time, x-request-id");
  if (request.method === "OPTIONS") {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader("access-control-allow-headers", String(request.headers["access-control-request-headers"] ?? "content-type, authorization"));
    response.setHeader("access-control-max-age", "600");
  }
}

function json(response: ServerResponse, body: unknown, status = 200): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Sends recorded Server-Sent Events one by one, a little apart, as a generating model does. */
async function stream(response: ServerResponse, contentType: string, body: string): Promise<void> {
  response.writeHead(200, { "content-type": contentType, "cache-control": "no-cache" });
  for (const event of body.split(/\n\n+/).filter((part) => part.trim() !== "")) {
    if (response.destroyed) return;
    response.write(`${event}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, EVENT_DELAY_MS));
  }
  response.end();
}

export function startStandIn(): Promise<TestServer> {
  let loadingAnswered = false;
  const recorded = (model: string) => findTapes(`/models/${model}`)[0]!;
  return startServer(async (request, response) => {
    cors(request, response);
    if (request.method === "OPTIONS") {
      response.writeHead(204);
      return response.end();
    }
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (request.method === "GET" && path === "/api/tasks") {
      return json(response, Object.fromEntries(Object.entries(STAND_IN_MODELS).map(([task, model]) => [task, { widgetModels: [model] }])));
    }
    if (request.method !== "POST" || !path.startsWith("/models/")) return json(response, { error: `no route ${path}` }, 404);
    const model = path.slice("/models/".length);
    if (model === `${STAND_IN_MODELS["chat-completion"]}/v1/chat/completions`) return stream(response, chatStream.contentType, chatStream.body);
    if (model === LOADING_MODEL) {
      if (!loadingAnswered) {
        loadingAnswered = true;
        return json(response, { error: `Model ${LOADING_MODEL} is currently loading`, estimated_time: LOADING_ESTIMATE }, 503);
      }
      return json(response, recorded(STAND_IN_MODELS["text-classification"]!).response.body);
    }
    if (model === STAND_IN_MODELS["text-generation"]) {
      const tape = findTapes(`/models/${model}`, '"stream":true')[0]!;
      return stream(response, tape.response.headers["content-type"] ?? "text/event-stream", tape.response.body);
    }
    if (model === STAND_IN_MODELS["text-to-speech"]) {
      // The recording kept the answer's type (audio/flac) but not its bytes: real FLAC speech stands in.
      const audio = fixtureBytes("sample1.flac");
      response.writeHead(200, { "content-type": recorded(model).response.headers["content-type"] ?? "audio/flac", "content-length": audio.byteLength });
      return response.end(audio);
    }
    if (Object.values(STAND_IN_MODELS).includes(model)) return json(response, recorded(model).response.body);
    return json(response, { error: `Model ${model} does not exist` }, 404);
  });
}
