import { clearProviderMappings, createClient } from "@infer/core";
import { fixtureBytes, providerTapeJson, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
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

  describe("image-to-image", () => {
    it("sends the image as a data: URL with the prompt and downloads the result", async () => {
      standIn.mapping("timbrooks/instruct-pix2pix", {
        "fal-ai": { providerId: "fal-ai/flux/dev/image-to-image", task: "image-to-image" },
      });
      const url = standIn.serve("/files/edited.png", png, "image/png");
      standIn.on("/fal-ai/flux/dev/image-to-image", (_request, response) => sendJson(response, { images: [{ url }] }));
      const bird = fixtureBytes("bird_canny.png");
      const image = await routed().imageToImage(bird, {
        model: "timbrooks/instruct-pix2pix",
        provider: "fal-ai",
        prompt: "a red bird",
      });
      const body = standIn.last("/fal-ai/fal-ai/flux/dev/image-to-image")!.json() as {
        image_url: string;
        prompt: string;
      };
      expect(body.prompt).toBe("a red bird");
      expect(body.image_url).toBe(`data:image/png;base64,${bird.toString("base64")}`);
      expect(image.size).toBe(png.byteLength);
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
