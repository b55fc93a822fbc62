import {
  clearProviderMappings,
  createClient,
  InferenceAbortError,
  InferenceHTTPError,
  InferenceOutputError,
  InferenceTimeoutError,
} from "@infer/core";
import {
  findProviderTapes,
  fixtureBytes,
  providerTapeJson,
  sendJson,
  startProviderStandIn,
  type ProviderStandIn,
} from "@infer/testing";
import { automaticSpeechRecognition } from "@infer/task-automatic-speech-recognition";
import { imageToImage } from "@infer/task-image-to-image";
import { textToImage } from "@infer/task-text-to-image";
import { textToSpeech } from "@infer/task-text-to-speech";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { falAi } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const tasks = [textToImage, imageToImage, automaticSpeechRecognition, textToSpeech] as const;
const routed = () =>
  createClient({ token: "hf_test", routerEndpoint: standIn.url, hubEndpoint: standIn.url, retry: false }).with(
    ...tasks,
    falAi,
  );
const direct = () =>
  createClient({
    token: "fal-key",
    hubEndpoint: standIn.url,
    retry: false,
    fetch: standIn.directFetch(falAi.baseUrl),
  }).with(...tasks, falAi);
const png = fixtureBytes("cheetah.png");

describe("@infer/provider-fal-ai", () => {
  describe("text-to-image", () => {
    // The recorded answer of fal.run/fal-ai/flux/dev, its fal.media URL moved to the CDN stand-in.
    const recorded = providerTapeJson("fal.run/fal-ai/flux/dev").body as { images: { url: string }[] };

    it("posts {prompt, image_size} to /fal-ai/{providerId} and downloads images[0].url without the token", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-dev", {
        "fal-ai": { providerId: "fal-ai/flux/dev", task: "text-to-image" },
      });
      const url = standIn.serve("/files/penguin/result.png", png, "image/png");
      standIn.on("/fal-ai/flux/dev", (_request, response) =>
        sendJson(response, { ...recorded, images: [{ ...recorded.images[0], url }] }),
      );
      const image = await routed().textToImage("A tiger eye", {
        model: "black-forest-labs/FLUX.1-dev",
        provider: "fal-ai",
        width: 512,
        height: 256,
        numInferenceSteps: 4,
      });
      const request = standIn.last("/fal-ai/fal-ai/flux/dev")!;
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({
        prompt: "A tiger eye",
        image_size: { width: 512, height: 256 },
        num_inference_steps: 4,
      });
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
      const download = standIn.cdn.requests.at(-1)!;
      expect(download.url).toBe("/files/penguin/result.png");
      expect(download.headers["authorization"]).toBeUndefined();
    });

    it("goes straight to fal.run with `Authorization: Key` for fal's own key", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-dev", {
        "fal-ai": { providerId: "fal-ai/flux/dev", task: "text-to-image" },
      });
      const url = standIn.serve("/files/direct.png", png, "image/png");
      standIn.on("/fal-ai/flux/dev", (_request, response) => sendJson(response, { images: [{ url }] }));
      await direct().textToImage("A tiger eye", { model: "black-forest-labs/FLUX.1-dev", provider: "fal-ai" });
      expect(standIn.last("/direct/fal-ai/flux/dev")?.headers["authorization"]).toBe("Key fal-key");
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });
  });

  describe("image-to-image, through fal's queue", () => {
    const model = "timbrooks/instruct-pix2pix";
    const bird = fixtureBytes("bird_canny.png");

    /** Queues the job: the status answers `states` in turn (the last one repeats), then the result is read. */
    function serveQueue(states: string[], responseOrigin = "https://queue.fal.run", requestId = "req-1") {
      standIn.mapping(model, { "fal-ai": { providerId: "fal-ai/flux/dev/image-to-image", task: "image-to-image" } });
      const url = standIn.serve(`/files/${requestId}.png`, png, "image/png");
      const jobPath = `/fal-ai/flux/requests/${requestId}`;
      standIn.on("/fal-ai/flux/dev/image-to-image", (_request, response) =>
        sendJson(response, {
          status: "IN_QUEUE",
          request_id: requestId,
          response_url: responseOrigin + jobPath,
          status_url: `${responseOrigin + jobPath}/status`,
          cancel_url: `${responseOrigin + jobPath}/cancel`,
          queue_position: 0,
        }),
      );
      let poll = 0;
      standIn.on(`${jobPath}/status`, (_request, response) =>
        sendJson(response, { status: states[Math.min(poll++, states.length - 1)], request_id: requestId }),
      );
      standIn.on(jobPath, (_request, response) => sendJson(response, { images: [{ url, content_type: "image/png" }] }));
      return jobPath;
    }
    const timed = (timeout: number) =>
      createClient({
        token: "hf_test",
        routerEndpoint: standIn.url,
        hubEndpoint: standIn.url,
        retry: false,
        timeout,
      }).with(...tasks, falAi);

    it("submits to /fal-ai/{providerId}?_subdomain=queue, polls the status until COMPLETED, reads the result and downloads the image without the token", async () => {
      const jobPath = serveQueue(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
      const image = await routed().imageToImage(bird, { model, provider: "fal-ai", prompt: "a red bird" });
      const submit = standIn.last("/fal-ai/fal-ai/flux/dev/image-to-image")!;
      expect(submit.url).toBe("/fal-ai/fal-ai/flux/dev/image-to-image?_subdomain=queue");
      expect(submit.method).toBe("POST");
      expect(submit.headers["authorization"]).toBe("Bearer hf_test");
      const body = submit.json() as { image_url: string; prompt: string };
      expect(body.prompt).toBe("a red bird");
      expect(body.image_url).toBe(`data:image/png;base64,${bird.toString("base64")}`);
      const polls = standIn.server.requests.filter((request) => request.url.startsWith(`/fal-ai${jobPath}`));
      expect(polls.map((request) => `${request.method} ${request.url}`)).toEqual([
        `GET /fal-ai${jobPath}/status?_subdomain=queue`,
        `GET /fal-ai${jobPath}/status?_subdomain=queue`,
        `GET /fal-ai${jobPath}/status?_subdomain=queue`,
        `GET /fal-ai${jobPath}?_subdomain=queue`,
      ]);
      expect(polls.every((request) => request.headers["authorization"] === "Bearer hf_test")).toBe(true);
      const download = standIn.cdn.requests.at(-1)!;
      expect(download.url).toBe("/files/req-1.png");
      expect(download.headers["authorization"]).toBeUndefined();
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });

    it("goes to https://queue.fal.run with `Authorization: Key` for fal's own key, the status and result there too", async () => {
      const jobPath = serveQueue(["IN_PROGRESS", "COMPLETED"]);
      const client = createClient({
        token: "fal-key",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(falAi.baseUrl, "https://queue.fal.run"),
      }).with(...tasks, falAi);
      const from = standIn.directUrls.length;
      await client.imageToImage(bird, { model, provider: "fal-ai" });
      expect(standIn.directUrls.slice(from)).toEqual([
        "https://queue.fal.run/fal-ai/flux/dev/image-to-image",
        `https://queue.fal.run${jobPath}/status`,
        `https://queue.fal.run${jobPath}/status`,
        `https://queue.fal.run${jobPath}`,
      ]);
      const direct = standIn.server.requests.filter((request) => request.url.startsWith("/direct/"));
      expect(direct.slice(-4).every((request) => request.headers["authorization"] === "Key fal-key")).toBe(true);
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });

    it("keeps the status and result on the request's origin when the answer names another host", async () => {
      const jobPath = serveQueue(["COMPLETED"], standIn.cdn.url, "req-elsewhere");
      const before = standIn.cdn.requests.length;
      await routed().imageToImage(bird, { model, provider: "fal-ai" });
      expect(standIn.cdn.requests.slice(before).map((request) => request.url)).toEqual(["/files/req-elsewhere.png"]);
      expect(standIn.last(`/fal-ai${jobPath}`)?.url).toBe(`/fal-ai${jobPath}?_subdomain=queue`);
    });

    it("bounds the polling by the call's timeout", async () => {
      serveQueue(["IN_QUEUE"]);
      const started = Date.now();
      const error = await timed(1_500)
        .imageToImage(bird, { model, provider: "fal-ai" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceTimeoutError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("stops polling at once when the caller aborts", async () => {
      const jobPath = serveQueue(["IN_QUEUE"]);
      const polls = () => standIn.server.requests.filter((request) => request.url.startsWith(`/fal-ai${jobPath}`));
      const controller = new AbortController();
      const call = routed().imageToImage(bird, { model, provider: "fal-ai", signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 700));
      const polled = polls().length;
      const aborted = Date.now();
      controller.abort(new Error("enough"));
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceAbortError);
      expect(Date.now() - aborted).toBeLessThan(1_000);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(polls().length).toBe(polled);
    });

    it("surfaces a failed job's error answer ({detail: [{loc, msg}]}) with its status", async () => {
      const jobPath = serveQueue(["COMPLETED"], "https://queue.fal.run", "req-failed");
      standIn.on(jobPath, (_request, response) =>
        sendJson(response, { detail: [{ loc: ["body", "image_url"], msg: "Could not load the image" }] }, 422),
      );
      const error = await routed()
        .imageToImage(bird, { model, provider: "fal-ai" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(422);
      expect((error as InferenceHTTPError).serverMessage).toBe("body.image_url: Could not load the image");
    });

    it("rejects a queue status it does not know as an InferenceOutputError", async () => {
      serveQueue(["CANCELLED"], "https://queue.fal.run", "req-odd");
      const error = await routed()
        .imageToImage(bird, { model, provider: "fal-ai" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceOutputError);
    });
  });

  describe("automatic-speech-recognition", () => {
    const recorded = providerTapeJson("fal.run/fal-ai/whisper").body as { text: string };

    it("sends {audio_url: data URL} and returns the recorded text", async () => {
      standIn.mapping("openai/whisper-large-v3", {
        "fal-ai": { providerId: "fal-ai/whisper", task: "automatic-speech-recognition" },
      });
      standIn.on("/fal-ai/whisper", (_request, response) => sendJson(response, recorded));
      const audio = fixtureBytes("sample1.flac");
      const text = await routed().automaticSpeechRecognition(audio, {
        model: "openai/whisper-large-v3",
        provider: "fal-ai",
      });
      const body = standIn.last("/fal-ai/fal-ai/whisper")!.json() as { audio_url: string };
      expect(body.audio_url).toBe(`data:audio/flac;base64,${audio.toString("base64")}`);
      expect(text).toBe(recorded.text);
    });
  });

  describe("error answers", () => {
    it("surfaces fal's recorded 400 ({detail}) with its message and status", async () => {
      const tape = findProviderTapes("fal.run/fal-ai/wizper").find((item) => item.response.status === 400)!;
      standIn.mapping("openai/whisper-large-v3-turbo", {
        "fal-ai": { providerId: "fal-ai/wizper", task: "automatic-speech-recognition" },
      });
      standIn.on("/fal-ai/wizper", (_request, response) =>
        sendJson(response, JSON.parse(tape.response.body), tape.response.status),
      );
      const error = await routed()
        .automaticSpeechRecognition(fixtureBytes("sample1.flac"), {
          model: "openai/whisper-large-v3-turbo",
          provider: "fal-ai",
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(400);
      expect((error as InferenceHTTPError).serverMessage).toBe("Unsupported data URL");
    });
  });

  describe("text-to-speech", () => {
    it("sends {text} and downloads audio.url without the token", async () => {
      standIn.mapping("hexgrad/Kokoro-82M", { "fal-ai": { providerId: "fal-ai/kokoro", task: "text-to-speech" } });
      const flac = fixtureBytes("sample1.flac");
      const url = standIn.serve("/files/speech.flac", flac, "audio/flac");
      standIn.on("/fal-ai/kokoro", (_request, response) =>
        sendJson(response, { audio: { url, content_type: "audio/flac" } }),
      );
      const audio = await routed().textToSpeech("hello there", { model: "hexgrad/Kokoro-82M", provider: "fal-ai" });
      expect(standIn.last("/fal-ai/fal-ai/kokoro")!.json()).toEqual({ text: "hello there" });
      expect(audio.type).toBe("audio/flac");
      expect(audio.size).toBe(flac.byteLength);
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });
  });
});
