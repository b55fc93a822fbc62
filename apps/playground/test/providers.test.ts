// The built playground in real Chromium, calling through Inference Providers: the router, the Hub's
// provider mapping, the providers' answers and their result files (a CDN on another origin) are loopback
// stand-ins (@infer/testing's provider stand-in, behind a CORS front so a page may call them), answering
// the shapes recorded from the real services. Each test saves a screenshot in test-results/.
import { mkdirSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import {
  findProviderTapes,
  fixtureBytes,
  providerTapeJson,
  sendJson,
  startProviderStandIn,
  type ProviderStandIn,
  type RecordedRequest,
  type TestServer,
} from "@infer/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inCI, launchChromium, missingChromium } from "./chromium.js";
import { startCorsFront, type CorsFront } from "./cors-front.js";
import { startStaticServer } from "./static-server.js";
import { providersFor } from "../src/providers.js";

const screenshots = fileURLToPath(new URL("../test-results/", import.meta.url));
const TOKEN = "hf_playground_provider_token";
const EVENT_DELAY_MS = 80;

/** The recorded together chat stream's chunk, carrying other tokens: a reply long enough to be seen growing. */
const recordedChunks = findProviderTapes("api.together.xyz/v1/chat/completions")
  .find((tape) => tape.response.headers["content-type"]?.startsWith("text/event-stream"))!
  .response.body.split(/\n\n+/)
  .filter((event) => event.startsWith("data: {"))
  .map((event) => JSON.parse(event.slice("data: ".length)) as Record<string, unknown>);
const REPLY = ["Paris", " is", " the", " capital", " of", " France", "."];

function chunkWith(content: string, finish: string | null): Record<string, unknown> {
  const template = (finish === null ? recordedChunks[0] : recordedChunks.at(-1)) as {
    choices: Record<string, unknown>[];
  };
  const choice = template.choices[0] as { delta: Record<string, unknown> };
  return { ...template, choices: [{ ...choice, finish_reason: finish, delta: { ...choice.delta, content } }] };
}

/** Server-Sent Events a little apart, as a generating model sends them, then `[DONE]`. */
async function streamEvents(response: ServerResponse, payloads: unknown[]): Promise<void> {
  response.writeHead(200, { "content-type": "text/event-stream;charset=utf-8", "cache-control": "no-cache" });
  for (const payload of payloads) {
    if (response.destroyed) return;
    response.write(`data: ${JSON.stringify(payload)}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, EVENT_DELAY_MS));
  }
  response.end("data: [DONE]\n\n");
}

/** A PNG's width and height, from its IHDR. */
const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

const state = (page: Page) => page.locator("#status").getAttribute("data-state");
const finished = (page: Page) => expect.poll(() => state(page), { timeout: 60_000 }).toMatch(/^(done|error)$/);
const posts = (server: TestServer, prefix: string) =>
  server.requests.filter((request) => request.method === "POST" && request.url.startsWith(prefix));

it.runIf(missingChromium !== undefined && inCI)("finds Chromium in CI (.ci/run installs Debian's chromium)", () => {
  expect.fail(missingChromium);
});

describe.skipIf(missingChromium !== undefined)("the playground through Inference Providers, in Chromium", () => {
  let standIn: ProviderStandIn;
  /** The router and Hub, and the CDN, as the page reaches them. */
  let router: CorsFront;
  let cdn: CorsFront;
  let site: TestServer;
  let chromium: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [standIn, site, chromium] = await Promise.all([startProviderStandIn(), startStaticServer(), launchChromium()]);
    [router, cdn] = await Promise.all([startCorsFront(standIn.url), startCorsFront(standIn.cdn.url)]);
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await Promise.all([router?.close(), cdn?.close(), standIn?.close(), site?.close()]);
  });

  /** The page set to the stand-ins, with a task, a provider, a model and the token; notes the scripts it loads. */
  async function openPage(task: string, provider: string, model: string): Promise<{ page: Page; scripts: string[] }> {
    const page = await chromium.context.newPage();
    const problems: string[] = [];
    const scripts: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      if (response.url().endsWith(".js")) scripts.push(new URL(response.url()).pathname.replace(/^.*\//, ""));
    });
    const query = new URLSearchParams({ endpoint: router.url, hub: router.url, router: router.url, task, provider });
    await page.goto(`${site.url}/?${query}`);
    // The Hub stand-in recommends no models: the page says so, and the model is entered by hand.
    await expect.poll(() => page.locator("#model-note").innerText(), { timeout: 30_000 }).toContain("/api/tasks");
    expect(await page.locator("#provider").inputValue()).toBe(provider);
    await page.locator("#model").fill(model);
    await page.locator("#token").fill(TOKEN);
    expect(problems).toEqual([]);
    return { page, scripts };
  }

  /** Scripts of provider packages (each its own chunk, named after the package). */
  const providerChunks = (scripts: string[]) =>
    scripts.filter((script) => script.startsWith("provider-")).map((script) => script.replace(/-[\w-]{8}\.js$/, ""));

  it("streams a chat completion through together, token by token, loading @infer/provider-together only on Run", async () => {
    const model = "meta-llama/Llama-3.3-70B-Instruct";
    standIn.mapping(model, {
      together: { providerId: "meta-llama/Llama-3.3-70B-Instruct-Turbo", task: "conversational" },
    });
    standIn.on("/v1/chat/completions", (_request, response) =>
      streamEvents(response, [
        ...REPLY.map((token) => chunkWith(token, null)),
        chunkWith(
          "",
          String((recordedChunks.at(-1) as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason),
        ),
      ]),
    );
    const { page, scripts } = await openPage("chat-completion", "together", model);
    // Listed beside hf-inference and auto with the other chat providers; not loaded yet.
    const offered = await page
      .locator("#provider option")
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered.slice(0, 2)).toEqual(["hf-inference", "auto"]);
    expect(offered).toEqual(expect.arrayContaining(["together", "groq", "cerebras", "fireworks-ai"]));
    expect(offered).not.toContain("fal-ai");
    expect(providerChunks(scripts)).toEqual([]);

    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('#result [data-testid="text"]')?.textContent;
        if (text) seen.push(text);
      }).observe(document.querySelector("#result")!, { childList: true, subtree: true, characterData: true });
    });
    await page.locator("#run").click();
    await finished(page);
    expect(await page.locator("#error").innerText()).toBe("");
    const shown = page.locator('#result [data-testid="text"]');
    expect(await shown.innerText()).toBe(REPLY.join(""));
    expect(await shown.getAttribute("data-tokens")).toBe(String(REPLY.length));
    const seen = [...new Set(await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen))];
    // Seen growing: at least one partial text before the whole reply (a loaded machine may read events together).
    expect(seen.length, `texts seen: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
    for (const text of seen) expect(REPLY.join("").startsWith(text), `${JSON.stringify(text)} is a prefix`).toBe(true);
    expect(providerChunks(scripts)).toEqual(["provider-together"]);

    // Routed as together's own API wants it, with the token, through the router.
    const sent = posts(standIn.server, "/together/v1/chat/completions");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(sent[0]!.headers["accept"]).toBe("text/event-stream");
    expect(sent[0]!.json()).toMatchObject({ model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", stream: true });
    expect(standIn.mappingRequests(model).length).toBeGreaterThan(0);
    const request = await page.locator("#request").innerText();
    expect(request).toContain(`GET ${router.url}/api/models/${model}?expand[]=inferenceProviderMapping`);
    expect(request).toContain(`POST ${router.url}/together/v1/chat/completions  → 200`);
    expect(request).not.toContain(TOKEN);
    const code = await page.locator("#snippet").innerText();
    expect(code).toContain('import { together } from "@infer/provider-together";');
    expect(code).toContain(".with(together)");
    expect(code).toContain(`routerEndpoint: ${JSON.stringify(router.url)}`);
    expect(code).toContain('provider: "together"');
    expect(code).not.toContain(TOKEN);
    await page.screenshot({ path: `${screenshots}provider-together-chat.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it("draws a text-to-image from fal-ai, downloaded from the CDN's URL without the token", async () => {
    const model = "black-forest-labs/FLUX.1-schnell";
    const picture = fixtureBytes("cheetah.png");
    const file = standIn.serve("/files/lion/X8-x48pAMGOF6n7fINCBC.png", picture, "image/png");
    const recorded = providerTapeJson("fal.run/fal-ai/flux/schnell").body as { images: Record<string, unknown>[] };
    standIn.mapping(model, { "fal-ai": { providerId: "fal-ai/flux/schnell", task: "text-to-image" } });
    standIn.on("/fal-ai/flux/schnell", (_request, response) =>
      sendJson(response, {
        ...recorded,
        images: [{ ...recorded.images[0], url: file.replace(standIn.cdn.url, cdn.url), content_type: "image/png" }],
      }),
    );
    const cdnBefore = standIn.cdn.requests.length;
    const { page, scripts } = await openPage("text-to-image", "fal-ai", model);
    await page.locator("#run").click();
    await finished(page);
    expect(await page.locator("#error").innerText()).toBe("");
    const figure = page.locator('#result [data-testid="image"]');
    expect(Number(await figure.getAttribute("data-size"))).toBe(picture.byteLength);
    expect(await figure.getAttribute("data-type")).toBe("image/png");
    // Chromium decoded the downloaded bytes: the picture has the file's own size.
    const natural = await figure
      .locator("img")
      .evaluate((image: HTMLImageElement) => ({ width: image.naturalWidth, height: image.naturalHeight }));
    expect(natural).toEqual(pngSize(picture));
    expect(providerChunks(scripts)).toEqual(["provider-fal-ai"]);

    const inference = posts(standIn.server, "/fal-ai/fal-ai/flux/schnell");
    expect(inference).toHaveLength(1);
    expect(inference[0]!.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(inference[0]!.json()).toMatchObject({ prompt: "An astronaut riding a horse on the moon." });
    const downloads = standIn.cdn.requests.slice(cdnBefore);
    expect(downloads.map((request) => `${request.method} ${request.url}`)).toEqual([
      "GET /files/lion/X8-x48pAMGOF6n7fINCBC.png",
    ]);
    expect(downloads[0]!.headers["authorization"]).toBeUndefined();
    expect(JSON.stringify(downloads[0]!.headers)).not.toContain(TOKEN);
    expect(await page.locator("#request").innerText()).toContain(
      `GET ${cdn.url}/files/lion/X8-x48pAMGOF6n7fINCBC.png  → 200`,
    );
    await page.screenshot({ path: `${screenshots}provider-fal-ai-text-to-image.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it("under auto, loads the providers serving the task and goes to the first live one the mapping lists that the client has", async () => {
    const model = "stabilityai/stable-diffusion-xl-base-1.0";
    const picture = fixtureBytes("invoice.png");
    const file = standIn.serve("/files/auto/out.png", picture, "image/png").replace(standIn.cdn.url, cdn.url);
    standIn.mapping(model, {
      "not-in-this-client": { providerId: "elsewhere/sdxl", task: "text-to-image" },
      "fal-ai": { providerId: "fal-ai/fast-sdxl", task: "text-to-image" },
      replicate: { providerId: "stability-ai/sdxl", task: "text-to-image" },
    });
    standIn.on("/fal-ai/fast-sdxl", (_request, response) =>
      sendJson(response, { images: [{ url: file, content_type: "image/png" }] }),
    );
    const { page, scripts } = await openPage("text-to-image", "auto", model);
    await page.locator("#run").click();
    await finished(page);
    expect(await page.locator("#error").innerText()).toBe("");
    expect(Number(await page.locator('#result [data-testid="image"]').getAttribute("data-size"))).toBe(
      picture.byteLength,
    );
    const serving = providersFor("text-to-image");
    expect(providerChunks(scripts).sort()).toEqual(serving.map((spec) => `provider-${spec.name}`).sort());
    expect(posts(standIn.server, "/fal-ai/fal-ai/fast-sdxl")).toHaveLength(1);
    expect(posts(standIn.server, "/replicate/v1/models/stability-ai/sdxl")).toHaveLength(0);
    const code = await page.locator("#snippet").innerText();
    expect(code).toContain(`.with(${serving.map((spec) => spec.exportName).join(", ")})`);
    expect(code).toContain('provider: "auto"');
    await page.screenshot({ path: `${screenshots}provider-auto.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it("polls a replicate prediction to completion and plays the speech it made", async () => {
    const model = "hexgrad/Kokoro-82M";
    const speech = fixtureBytes("sample1.flac");
    const output = standIn.serve("/czjl/output.flac", speech, "audio/flac").replace(standIn.cdn.url, cdn.url);
    const recorded = providerTapeJson("api.replicate.com/v1/predictions", "Kokoro").body as Record<string, unknown>;
    const id = String(recorded["id"]);
    const polling = { ...(recorded["urls"] as object), get: `${router.url}/replicate/v1/predictions/${id}` };
    standIn.mapping(model, { replicate: { providerId: "jaaari/kokoro-82m", task: "text-to-speech" } });
    standIn.on("/v1/models/jaaari/kokoro-82m/predictions", (_request, response) =>
      sendJson(response, { ...recorded, status: "starting", output: null, urls: polling }, 201),
    );
    let polls = 0;
    standIn.on(`/v1/predictions/${id}`, (_request, response) => {
      polls++;
      sendJson(
        response,
        polls < 2
          ? { ...recorded, status: "processing", output: null, urls: polling }
          : { ...recorded, status: "succeeded", output, urls: polling },
      );
    });
    const { page, scripts } = await openPage("text-to-speech", "replicate", model);
    await page.locator("#run").click();
    await finished(page);
    expect(await page.locator("#error").innerText()).toBe("");
    expect(polls).toBe(2);
    const figure = page.locator('#result [data-testid="audio"]');
    expect(Number(await figure.getAttribute("data-size"))).toBe(speech.byteLength);
    expect(await figure.getAttribute("data-type")).toBe("audio/flac");
    const duration = await figure.locator("audio").evaluate(
      (node: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (node.readyState >= 1) return resolve(node.duration);
          node.addEventListener("loadedmetadata", () => resolve(node.duration));
          node.addEventListener("error", () => reject(new Error(`audio error ${node.error?.code}`)));
        }),
    );
    expect(duration).toBeGreaterThan(0.1);
    expect(providerChunks(scripts)).toEqual(["provider-replicate"]);

    const submitted = posts(standIn.server, "/replicate/v1/models/jaaari/kokoro-82m/predictions");
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.json()).toEqual({ input: { text: "hello there!" } });
    expect(submitted[0]!.headers["prefer"]).toBe("wait");
    // Polled on the request's own origin, with the call's token; the file fetched from the CDN without it.
    const polled = standIn.server.requests.filter((request) => request.url === `/replicate/v1/predictions/${id}`);
    expect(polled.map((request: RecordedRequest) => request.headers["authorization"])).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    const download = standIn.cdn.requests.filter((request) => request.url === "/czjl/output.flac");
    expect(download).toHaveLength(1);
    expect(download[0]!.headers["authorization"]).toBeUndefined();
    expect(await page.locator("#request").innerText()).toMatch(
      new RegExp(
        `POST [^\\n]*/predictions  → 201[\\s\\S]*GET [^\\n]*/predictions/${id}  → 200[\\s\\S]*GET [^\\n]*/predictions/${id}  → 200[\\s\\S]*GET ${cdn.url}/czjl/output.flac  → 200`,
      ),
    );
    await page.screenshot({ path: `${screenshots}provider-replicate-polling.png`, fullPage: true });
    await page.close();
  }, 120_000);

  it("shows a provider's errors plainly: its own 422 answer, and a provider the model's mapping lacks", async () => {
    const model = "black-forest-labs/FLUX.1-schnell";
    const rejected = findProviderTapes("api.replicate.com/v1/models/black-forest-labs/flux-schnell/predictions").find(
      (tape) => tape.response.status === 422,
    )!;
    standIn.mapping(model, {
      "fal-ai": { providerId: "fal-ai/flux/schnell", task: "text-to-image" },
      replicate: { providerId: "black-forest-labs/flux-schnell", task: "text-to-image" },
    });
    standIn.on("/v1/models/black-forest-labs/flux-schnell/predictions", (_request, response) => {
      response.writeHead(422, { "content-type": rejected.response.headers["content-type"] ?? "application/json" });
      response.end(rejected.response.body);
    });
    const { page } = await openPage("text-to-image", "replicate", model);
    await page.locator("#run").click();
    await finished(page);
    expect(await state(page)).toBe("error");
    const shown = await page.locator("#error").innerText();
    expect(shown).toContain("InferenceHTTPError");
    expect(shown).toContain((JSON.parse(rejected.response.body) as { detail: string }).detail.trim());
    expect(shown).toContain("status 422");
    expect(shown).toContain(`${router.url}/replicate/v1/models/black-forest-labs/flux-schnell/predictions`);
    expect(shown).not.toContain(TOKEN);
    expect(await page.locator("#result").innerText()).toBe("");
    await page.screenshot({ path: `${screenshots}provider-error.png`, fullPage: true });

    // A provider the Hub does not map the model to: said before any inference request is sent.
    const missing = "org/only-on-fal";
    standIn.mapping(missing, { "fal-ai": { providerId: "fal-ai/other", task: "text-to-image" } });
    await page.locator("#provider").selectOption("black-forest-labs");
    await page.locator("#model").fill(missing);
    const before = standIn.server.requests.length;
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#error").innerText(), { timeout: 30_000 }).toContain("InferenceInputError");
    const input = await page.locator("#error").innerText();
    expect(input).toContain('provider "black-forest-labs"');
    expect(input).toContain("argument provider");
    const after = standIn.server.requests.slice(before).map((request) => `${request.method} ${request.url}`);
    expect(after).toEqual([`GET /api/models/${missing}?expand[]=inferenceProviderMapping`]);
    await page.screenshot({ path: `${screenshots}provider-not-mapped.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
