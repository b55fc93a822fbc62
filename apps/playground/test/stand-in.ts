// A loopback stand-in for the tasks the local @infer/server does not serve (yet): it answers with the
// responses recorded from the real service (packages/testing's tapes; the chat stream from the April 2025
// recording in ./fixtures), streams them event by event, and speaks CORS as a browser needs.
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { crc32, deflateSync } from "node:zlib";
import { allTapes, fixtureBytes, findTapes, startServer, type RecordedRequest, type TestServer } from "@infer/testing";

const chatStream = JSON.parse(
  readFileSync(new URL("./fixtures/chat-completion-stream.json", import.meta.url), "utf8"),
) as {
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
  "image-segmentation": "facebook/detr-resnet-50-panoptic",
  "image-classification": "google/vit-base-patch16-224",
  "token-classification": "dbmdz/bert-large-cased-finetuned-conll03-english",
  "table-question-answering": "google/tapas-base-finetuned-wtq",
  "tabular-classification": "vvmnnnkv/wine-quality",
  "automatic-speech-recognition": "facebook/wav2vec2-large-960h-lv60-self",
};

/** The recorded detections and masks are of a 640×420 picture. */
export const RECORDED_IMAGE_SIZE = { width: 640, height: 420 };

/** The prompt of the recorded text-generation stream. */
export const RECORDED_STREAM_PROMPT = 'repeat "one two three four"';

/** A model that answers "currently loading" once, then classifies. */
export const LOADING_MODEL = "infer-test/loading-model";
export const LOADING_ESTIMATE = 3;

const EVENT_DELAY_MS = 60;

function cors(request: RecordedRequest, response: ServerResponse): void {
  response.setHeader("access-control-allow-origin", "*");
  response.setHeader("access-control-expose-headers", "x-compute-type, x-compute-time, x-request-id");
  if (request.method === "OPTIONS") {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader(
      "access-control-allow-headers",
      String(request.headers["access-control-request-headers"] ?? "content-type, authorization"),
    );
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

/** An 8-bit grayscale PNG of the given size: 255 where `on(x, y)`, 0 elsewhere. */
export function maskPng(width: number, height: number, on: (x: number, y: number) => boolean): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = on(x, y) ? 255 : 0;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // grayscale
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * The recorded panoptic answer kept its labels and scores, but its mask PNGs were cut to 1,000 base64
 * characters and cannot be decoded. The stand-in sends those labels and scores with masks drawn from the
 * recorded detections of the same picture (a cat's box; the background everywhere else).
 */
function segmentationAnswer(recordedBody: string): unknown[] {
  const segments = JSON.parse(recordedBody) as { label: string; score: number }[];
  const boxes = (
    JSON.parse(allTapes().find((tape) => tape.url.endsWith("/models/facebook/detr-resnet-50"))!.response.body) as {
      box: Record<string, number>;
    }[]
  ).map(({ box }) => box);
  const inside = (box: Record<string, number>, x: number, y: number) =>
    x >= box["xmin"]! && x < box["xmax"]! && y >= box["ymin"]! && y < box["ymax"]!;
  const { width, height } = RECORDED_IMAGE_SIZE;
  let cat = 0;
  return segments.map((segment) => {
    const box = segment.label === "cat" ? boxes[cat++] : undefined;
    const on = box
      ? (x: number, y: number) => inside(box, x, y)
      : (x: number, y: number) => !boxes.some((other) => inside(other, x, y));
    return { ...segment, mask: maskPng(width, height, on).toString("base64") };
  });
}

export function startStandIn(): Promise<TestServer> {
  let loadingAnswered = false;
  const recorded = (model: string) => {
    const tape = allTapes().find(
      (candidate) => candidate.url.endsWith(`/models/${model}`) && candidate.response.status === 200,
    );
    if (!tape) throw new Error(`no recorded answer of ${model}`);
    return tape;
  };
  return startServer(async (request, response) => {
    cors(request, response);
    if (request.method === "OPTIONS") {
      response.writeHead(204);
      return response.end();
    }
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (request.method === "GET" && path === "/api/tasks") {
      return json(
        response,
        Object.fromEntries(Object.entries(STAND_IN_MODELS).map(([task, model]) => [task, { widgetModels: [model] }])),
      );
    }
    if (request.method !== "POST" || !path.startsWith("/models/"))
      return json(response, { error: `no route ${path}` }, 404);
    const model = path.slice("/models/".length);
    if (model === `${STAND_IN_MODELS["chat-completion"]}/v1/chat/completions`)
      return stream(response, chatStream.contentType, chatStream.body);
    if (model === LOADING_MODEL) {
      if (!loadingAnswered) {
        loadingAnswered = true;
        return json(
          response,
          { error: `Model ${LOADING_MODEL} is currently loading`, estimated_time: LOADING_ESTIMATE },
          503,
        );
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
      response.writeHead(200, {
        "content-type": recorded(model).response.headers["content-type"] ?? "audio/flac",
        "content-length": audio.byteLength,
      });
      return response.end(audio);
    }
    if (model === STAND_IN_MODELS["image-segmentation"])
      return json(response, segmentationAnswer(recorded(model).response.body));
    if (Object.values(STAND_IN_MODELS).includes(model)) return json(response, recorded(model).response.body);
    return json(response, { error: `Model ${model} does not exist` }, 404);
  });
}
