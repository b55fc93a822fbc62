import type { ServerResponse } from "node:http";
import { clearProviderMappings, createClient, InferenceHTTPError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, providerTapeJson, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { automaticSpeechRecognition } from "@infer/task-automatic-speech-recognition";
import { imageToImage } from "@infer/task-image-to-image";
import { textToImage } from "@infer/task-text-to-image";
import { textToSpeech } from "@infer/task-text-to-speech";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { replicate } from "./index.js";

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
    replicate,
  );
const direct = () =>
  createClient({
    token: "r8_key",
    hubEndpoint: standIn.url,
    retry: false,
    fetch: standIn.directFetch(replicate.baseUrl),
  }).with(...tasks, replicate);
const png = fixtureBytes("cheetah.png");
// The recorded prediction of black-forest-labs/flux-schnell (201, `output` already set, `Prefer: wait`).
const recorded = providerTapeJson("api.replicate.com/v1/models/black-forest-labs/flux-schnell/predictions")
  .body as Record<string, unknown>;

describe("@infer/provider-replicate", () => {
  describe("text-to-image", () => {
    it("posts {input: {prompt}} to /v1/models/{providerId}/predictions with Prefer: wait and downloads the output", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-schnell", {
        replicate: { providerId: "black-forest-labs/flux-schnell", task: "text-to-image" },
      });
      const url = standIn.serve("/xezq/out-0.png", png, "image/png");
      standIn.on("/v1/models/black-forest-labs/flux-schnell/predictions", (_request, response) =>
        sendJson(response, { ...recorded, output: [url] }, 201),
      );
      const image = await routed().textToImage("black forest gateau", {
        model: "black-forest-labs/FLUX.1-schnell",
        provider: "replicate",
        numInferenceSteps: 4,
      });
      const request = standIn.last("/replicate/v1/models/black-forest-labs/flux-schnell/predictions")!;
      expect(request.headers["prefer"]).toBe("wait");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ input: { prompt: "black forest gateau", num_inference_steps: 4 } });
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });

    it("runs an `owner/name:version` id through /v1/predictions with its version", async () => {
      standIn.mapping("ByteDance/SDXL-Lightning", {
        replicate: { providerId: "bytedance/sdxl-lightning-4step:5599ed30", task: "text-to-image" },
      });
      const url = standIn.serve("/yhqm/out-0.png", png, "image/png");
      standIn.on("/v1/predictions", (_request, response) =>
        sendJson(response, { status: "succeeded", output: [url] }, 201),
      );
      await routed().textToImage("cake", { model: "ByteDance/SDXL-Lightning", provider: "replicate" });
      expect(standIn.last("/replicate/v1/predictions")!.json()).toEqual({
        input: { prompt: "cake" },
        version: "5599ed30",
      });
    });

    it("polls urls.get while output is null; on its own origin with the provider's key", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-schnell", {
        replicate: { providerId: "black-forest-labs/flux-schnell", task: "text-to-image" },
      });
      const url = standIn.serve("/xezq/polled.png", png, "image/png");
      let polls = 0;
      standIn.on("/v1/models/black-forest-labs/flux-schnell/predictions", (_request, response) =>
        sendJson(
          response,
          { id: "p1", status: "starting", output: null, urls: { get: "https://api.replicate.com/v1/predictions/p1" } },
          201,
        ),
      );
      standIn.on("/v1/predictions/p1", (_request, response: ServerResponse) => {
        polls++;
        sendJson(
          response,
          polls < 2
            ? {
                id: "p1",
                status: "processing",
                output: null,
                urls: { get: "https://api.replicate.com/v1/predictions/p1" },
              }
            : { id: "p1", status: "succeeded", output: url },
        );
      });
      const client = createClient({
        token: "r8_key",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(replicate.baseUrl),
      }).with(textToImage, replicate);
      const image = await client.textToImage("cake", {
        model: "black-forest-labs/FLUX.1-schnell",
        provider: "replicate",
      });
      expect(polls).toBe(2);
      expect(standIn.last("/direct/v1/predictions/p1")?.headers["authorization"]).toBe("Bearer r8_key");
      expect(image.size).toBe(png.byteLength);
    });

    it("rejects a failed prediction with InferenceOutputError carrying its error", async () => {
      standIn.mapping("black-forest-labs/FLUX.1-schnell", {
        replicate: { providerId: "black-forest-labs/flux-schnell", task: "text-to-image" },
      });
      standIn.on("/v1/models/black-forest-labs/flux-schnell/predictions", (_request, response) =>
        sendJson(response, { status: "failed", output: null, error: "NSFW content detected" }, 201),
      );
      const error = await routed()
        .textToImage("cake", { model: "black-forest-labs/FLUX.1-schnell", provider: "replicate" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceOutputError);
      expect((error as Error).message).toContain("NSFW content detected");
    });
  });

  describe("image-to-image", () => {
    it("sends {input: {image: data URL, prompt}} and downloads the output", async () => {
      standIn.mapping("timbrooks/instruct-pix2pix", {
        replicate: { providerId: "timothybrooks/instruct-pix2pix", task: "image-to-image" },
      });
      const url = standIn.serve("/out/edited.png", png, "image/png");
      standIn.on("/v1/models/timothybrooks/instruct-pix2pix/predictions", (_request, response) =>
        sendJson(response, { status: "succeeded", output: [url] }, 201),
      );
      const bird = fixtureBytes("bird_canny.png");
      const image = await direct().imageToImage(bird, {
        model: "timbrooks/instruct-pix2pix",
        provider: "replicate",
        prompt: "a red bird",
      });
      const request = standIn.last("/direct/v1/models/timothybrooks/instruct-pix2pix/predictions")!;
      expect(request.headers["authorization"]).toBe("Bearer r8_key");
      expect(request.json()).toEqual({
        input: { prompt: "a red bird", image: `data:image/png;base64,${bird.toString("base64")}` },
      });
      expect(image.size).toBe(png.byteLength);
    });
  });

  describe("automatic-speech-recognition", () => {
    it("sends {input: {audio: data URL}} and returns output.transcription", async () => {
      standIn.mapping("openai/whisper-large-v3", {
        replicate: { providerId: "openai/whisper:8099696689d2", task: "automatic-speech-recognition" },
      });
      standIn.on("/v1/predictions", (_request, response) =>
        sendJson(response, { status: "succeeded", output: { transcription: " he has grave doubts" } }, 201),
      );
      const audio = fixtureBytes("sample1.flac");
      const text = await routed().automaticSpeechRecognition(audio, {
        model: "openai/whisper-large-v3",
        provider: "replicate",
      });
      const body = standIn.last("/replicate/v1/predictions")!.json() as { input: { audio: string }; version: string };
      expect(body.version).toBe("8099696689d2");
      expect(body.input.audio.startsWith("data:audio/flac;base64,")).toBe(true);
      expect(text).toBe(" he has grave doubts");
    });
  });

  describe("text-to-speech", () => {
    it("sends {input: {text}} and downloads the recorded kind of output (a wav URL) without the token", async () => {
      standIn.mapping("hexgrad/Kokoro-82M", { replicate: { providerId: "jaaari/kokoro-82m", task: "text-to-speech" } });
      const wav = Buffer.concat([Buffer.from("RIFF\u0000\u0000\u0000\u0000WAVEfmt "), Buffer.alloc(64, 1)]);
      const url = standIn.serve("/czjl/output.wav", wav, "audio/x-wav");
      standIn.on("/v1/models/jaaari/kokoro-82m/predictions", (_request, response) =>
        sendJson(response, { status: "succeeded", output: url }, 201),
      );
      const audio = await routed().textToSpeech("hello", { model: "hexgrad/Kokoro-82M", provider: "replicate" });
      expect(standIn.last("/replicate/v1/models/jaaari/kokoro-82m/predictions")!.json()).toEqual({
        input: { text: "hello" },
      });
      expect(audio.type).toBe("audio/x-wav");
      expect(audio.size).toBe(wav.byteLength);
      expect(standIn.cdn.requests.at(-1)?.headers["authorization"]).toBeUndefined();
    });
  });

  describe("error answers", () => {
    it("surfaces replicate's problem JSON ({title, detail, status}) as InferenceHTTPError with its status and detail", async () => {
      standIn.mapping("org/replicated", { replicate: { providerId: "owner/name", task: "text-to-image" } });
      standIn.on("/v1/models/owner/name/predictions", (_request, response) =>
        sendJson(
          response,
          {
            title: "Invalid version or not permitted",
            detail: "The specified version does not exist (or perhaps you don't have permission to use it?)",
            status: 422,
          },
          422,
        ),
      );
      const error = await routed()
        .textToImage("a cat", { model: "org/replicated", provider: "replicate" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(422);
      expect((error as InferenceHTTPError).serverMessage).toBe(
        "The specified version does not exist (or perhaps you don't have permission to use it?)",
      );
    });
  });
});
