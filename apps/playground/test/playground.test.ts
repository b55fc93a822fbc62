// The built playground in real Chromium, against the local @infer/server where it serves a task and the
// recorded stand-in (./stand-in.ts) where it does not yet. Each task's answer is also fetched from Node with
// the same task function, and the page must show exactly that. One screenshot per task in test-results/.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createClient } from "@infer/core";
import { startServer as startLocalServer } from "@infer/server";
import { automaticSpeechRecognition } from "@infer/task-automatic-speech-recognition";
import { chatCompletion } from "@infer/task-chat-completion";
import { imageClassification } from "@infer/task-image-classification";
import { imageSegmentation } from "@infer/task-image-segmentation";
import { imageToText } from "@infer/task-image-to-text";
import { objectDetection } from "@infer/task-object-detection";
import { tableQuestionAnswering } from "@infer/task-table-question-answering";
import { tabularClassification } from "@infer/task-tabular-classification";
import { textClassification } from "@infer/task-text-classification";
import { textGeneration } from "@infer/task-text-generation";
import { textToSpeech } from "@infer/task-text-to-speech";
import { tokenClassification } from "@infer/task-token-classification";
import { fixtureBytes, type TestServer } from "@infer/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inCI, launchChromium, missingChromium } from "./chromium.js";
import { TASKS, type TableValue } from "../src/tasks.js";
import {
  LOADING_ESTIMATE,
  LOADING_MODEL,
  RECORDED_IMAGE_SIZE,
  RECORDED_STREAM_PROMPT,
  startStandIn,
} from "./stand-in.js";
import { startStaticServer } from "./static-server.js";

const screenshots = fileURLToPath(new URL("../test-results/", import.meta.url));
/**
 * Fail instead of falling back to the stand-in when the local server does not serve one of the tasks it is
 * expected to serve: always in CI (the six tasks run against the real local server there), and
 * wherever PLAYGROUND_REQUIRE_LOCAL_SERVER=1.
 */
const requireLocal = inCI || process.env["PLAYGROUND_REQUIRE_LOCAL_SERVER"] === "1";

type Where = "local" | "stand-in";
interface Inputs {
  text?: string;
  file?: { name: string; mimeType: string; buffer: Buffer };
}
interface Case {
  task: string;
  /** Only the recorded stand-in answers it (the local server is not expected to serve it). */
  recorded?: boolean;
  /** `/api/tasks` entries whose first recommended model the page picks, in the page's order. */
  modelTasks?: string[];
  inputs(where: Where): Inputs | Promise<Inputs>;
  /** The same call from Node: what the page must show. */
  expected(client: ReturnType<typeof createClient>, model: string, inputs: Inputs): Promise<unknown>;
  /** `deterministic`: two calls from Node gave the same answer (a sampling model's text is checked for its streaming alone). */
  check(page: Page, expected: unknown, snapshots: string[], deterministic: boolean): Promise<void>;
}

const png = (name: "cheetah.png" | "invoice.png"): Inputs => ({
  file: { name, mimeType: "image/png", buffer: fixtureBytes(name) },
});
/** The recorded detections and masks are of a 640×420 picture: the stand-in gets the cheetah drawn at that size. */
const recordedSizeCheetah = async (): Promise<Inputs> => ({
  file: {
    name: "cheetah-640.png",
    mimeType: "image/png",
    buffer: await enlarge(fixtureBytes("cheetah.png"), RECORDED_IMAGE_SIZE.width, RECORDED_IMAGE_SIZE.height),
  },
});
const tableOf = (task: string) =>
  TASKS.find((spec) => spec.id === task)!.fields.find((field) => field.kind === "table")!.initial as TableValue;

async function expectLabels(page: Page, labels: { label: string; score: number }[]): Promise<void> {
  const rows = page.locator('#result [data-testid="labels"] li');
  await expect.poll(() => rows.count()).toBe(labels.length);
  for (const [index, { label, score }] of labels.entries()) {
    expect(await rows.nth(index).getAttribute("data-label")).toBe(label);
    expect(Number(await rows.nth(index).getAttribute("data-score"))).toBeCloseTo(score, 10);
    const width = await rows
      .nth(index)
      .locator(".fill")
      .evaluate((node) => (node as HTMLElement).style.width);
    expect(Number.parseFloat(width)).toBeCloseTo(score * 100, 0);
  }
}

const resultText = (page: Page) => page.locator('#result [data-testid="text"]').innerText();

async function collect<T>(iterable: AsyncIterable<T>, pick: (item: T) => string): Promise<string> {
  let text = "";
  for await (const item of iterable) text += pick(item);
  return text;
}

/** The streamed text must have been seen growing, token by token, before it was complete. */
function expectStreamed(snapshots: string[], full: string): void {
  const seen = [...new Set(snapshots)];
  expect(seen.length, `partial texts seen: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
  for (const [index, text] of seen.entries()) expect(full.startsWith(text), `snapshot ${index} is a prefix`).toBe(true);
}

const CASES: Case[] = [
  {
    task: "text-classification",
    inputs: () => ({ text: "I like you. I love you." }),
    expected: (client, model, { text }) => textClassification(client, text!, { model }),
    check: (page, expected) => expectLabels(page, expected as { label: string; score: number }[]),
  },
  {
    task: "text-generation",
    inputs: (where) => ({ text: where === "stand-in" ? RECORDED_STREAM_PROMPT : "The answer to the universe is" }),
    expected: async (client, model, { text }) =>
      collect(await textGeneration(client, text!, { model, stream: true, maxNewTokens: 20 }), (token) => token),
    async check(page, expected, snapshots, deterministic) {
      const shown = await resultText(page);
      if (deterministic) expect(shown).toBe(expected);
      expect(Number(await page.locator('#result [data-testid="text"]').getAttribute("data-tokens"))).toBeGreaterThan(1);
      expectStreamed(snapshots, shown);
    },
  },
  {
    task: "chat-completion",
    modelTasks: ["chat-completion", "conversational", "text-generation"],
    inputs: (where) => ({
      text: where === "stand-in" ? "Complete the equation 1+1= ,just the answer" : "What is the capital of France?",
    }),
    expected: async (client, model, { text }) =>
      collect(
        await chatCompletion(
          client,
          {
            messages: [
              { role: "system", content: "You are a helpful assistant." },
              { role: "user", content: text! },
            ],
            maxTokens: 40,
            stream: true,
          },
          { model },
        ),
        (chunk) => chunk.choices[0]?.delta.content ?? "",
      ),
    async check(page, expected, snapshots, deterministic) {
      const shown = await resultText(page);
      if (deterministic) expect(shown).toBe(expected);
      expectStreamed(snapshots, shown);
    },
  },
  {
    task: "text-to-speech",
    inputs: () => ({ text: "hello there!" }),
    expected: (client, model, { text }) => textToSpeech(client, text!, { model }),
    async check(page, expected) {
      const audio = expected as Blob;
      const figure = page.locator('#result [data-testid="audio"]');
      expect(Number(await figure.getAttribute("data-size"))).toBe(audio.size);
      expect(await figure.getAttribute("data-type")).toBe(audio.type);
      // Chromium decodes it: the player knows the clip's length.
      const duration = await figure.locator("audio").evaluate(
        (node: HTMLAudioElement) =>
          new Promise<number>((resolve, reject) => {
            if (node.readyState >= 1) return resolve(node.duration);
            node.addEventListener("loadedmetadata", () => resolve(node.duration));
            node.addEventListener("error", () => reject(new Error(`audio error ${node.error?.code}`)));
          }),
      );
      expect(duration).toBeGreaterThan(0.1);
    },
  },
  {
    task: "image-to-text",
    inputs: (where) => png(where === "local" ? "invoice.png" : "cheetah.png"),
    expected: (client, model, { file }) => imageToText(client, new Uint8Array(file!.buffer), { model }),
    async check(page, expected) {
      expect((await resultText(page)).trim()).toBe((expected as string).trim());
    },
  },
  {
    task: "object-detection",
    inputs: async (where) => (where === "local" ? png("cheetah.png") : recordedSizeCheetah()),
    expected: (client, model, { file }) => objectDetection(client, new Uint8Array(file!.buffer), { model }),
    async check(page, expected) {
      const detections = expected as { label: string; score: number; box: Record<string, number> }[];
      const rects = page.locator('#result [data-testid="boxes"] svg rect');
      await expect.poll(() => rects.count()).toBe(detections.length);
      for (const [index, { label, box }] of detections.entries()) {
        const rect = rects.nth(index);
        expect(await rect.getAttribute("data-label")).toBe(label);
        expect(Number(await rect.getAttribute("x"))).toBe(box["xmin"]);
        expect(Number(await rect.getAttribute("y"))).toBe(box["ymin"]);
        expect(Number(await rect.getAttribute("width"))).toBe(box["xmax"]! - box["xmin"]!);
        expect(Number(await rect.getAttribute("height"))).toBe(box["ymax"]! - box["ymin"]!);
      }
      // The boxes sit over the picture: the overlay is drawn at the image's own size.
      const sizes = await page.locator('#result [data-testid="boxes"]').evaluate((figure) => {
        const image = figure.querySelector("img")!;
        const svg = figure.querySelector("svg")!;
        return {
          image: image.getBoundingClientRect().width,
          svg: svg.getBoundingClientRect().width,
          viewBox: svg.getAttribute("viewBox"),
        };
      });
      expect(sizes.svg).toBeCloseTo(sizes.image, 0);
      expect(sizes.viewBox).toMatch(/^0 0 \d+ \d+$/);
    },
  },
];

/** More tasks, against recorded answers only: masks, entities, the table editor, audio input. */
const RECORDED_CASES: Case[] = [
  {
    task: "image-segmentation",
    recorded: true,
    inputs: () => recordedSizeCheetah(),
    expected: (client, model, { file }) => imageSegmentation(client, new Uint8Array(file!.buffer), { model }),
    async check(page, expected) {
      const segments = expected as { label: string }[];
      const legend = page.locator('#result [data-testid="masks"] .legend li');
      expect(await legend.count()).toBe(segments.length);
      for (const [index, { label }] of segments.entries())
        expect(await legend.nth(index).getAttribute("data-label")).toBe(label);
      // The masks are painted over the picture: some pixels differ from the picture itself.
      const canvas = page.locator('#result [data-testid="masks"] canvas');
      expect(await canvas.getAttribute("width")).toBe(String(RECORDED_IMAGE_SIZE.width));
      const painted = await canvas.evaluate(async (node: HTMLCanvasElement) => {
        const input = document.querySelector<HTMLInputElement>('#fields input[type="file"]')!.files![0]!;
        const original = new OffscreenCanvas(node.width, node.height).getContext("2d")!;
        original.drawImage(await createImageBitmap(input), 0, 0);
        const before = original.getImageData(0, 0, node.width, node.height).data;
        const after = node.getContext("2d")!.getImageData(0, 0, node.width, node.height).data;
        let changed = 0;
        for (let i = 0; i < after.length; i += 4) if (Math.abs(after[i]! - before[i]!) > 8) changed++;
        return changed / (node.width * node.height);
      });
      expect(painted).toBeGreaterThan(0.1);
    },
  },
  {
    task: "image-classification",
    recorded: true,
    inputs: () => png("cheetah.png"),
    expected: (client, model, { file }) => imageClassification(client, new Uint8Array(file!.buffer), { model }),
    check: (page, expected) => expectLabels(page, expected as { label: string; score: number }[]),
  },
  {
    task: "token-classification",
    recorded: true,
    inputs: () => ({ text: "My name is Sarah Jessica Parker but you can call me Jessica" }),
    expected: (client, model, { text }) => tokenClassification(client, text!, { model }),
    async check(page, expected) {
      const entities = expected as { entity_group?: string; word: string }[];
      const marks = page.locator('#result [data-testid="entities"] mark');
      expect(await marks.count()).toBe(entities.length);
      for (const [index, entity] of entities.entries()) {
        expect(await marks.nth(index).getAttribute("data-entity")).toBe(entity.entity_group);
        expect(await marks.nth(index).evaluate((node) => node.firstChild?.textContent)).toBe(entity.word);
      }
    },
  },
  {
    task: "table-question-answering",
    recorded: true,
    inputs: () => ({}),
    expected: (client, model) =>
      tableQuestionAnswering(
        client,
        tableOf("table-question-answering"),
        "How many stars does the transformers repository have?",
        { model },
      ),
    async check(page, expected) {
      const answer = expected as { answer: string; coordinates: [number, number][]; cells: string[] };
      expect(await page.locator('#result [data-testid="table-answer"] .answer').innerText()).toBe(answer.answer);
      expect(await page.locator("#result td.hit").allInnerTexts()).toEqual(answer.cells);
    },
  },
  {
    task: "tabular-classification",
    recorded: true,
    inputs: () => ({}),
    expected: (client, model) => tabularClassification(client, tableOf("tabular-classification"), { model }),
    async check(page, expected) {
      expect(await page.locator('#result [data-testid="prediction"]').allInnerTexts()).toEqual(expected as string[]);
    },
  },
  {
    task: "automatic-speech-recognition",
    recorded: true,
    inputs: () => ({ file: { name: "sample1.flac", mimeType: "audio/flac", buffer: fixtureBytes("sample1.flac") } }),
    expected: (client, model, { file }) => automaticSpeechRecognition(client, new Uint8Array(file!.buffer), { model }),
    async check(page, expected) {
      expect(await resultText(page)).toBe(expected);
    },
  },
];

let browserPage: (() => Promise<Page>) | undefined;

/** Draws a PNG at another size in the browser (no image library in Node). */
async function enlarge(png: Buffer, width: number, height: number): Promise<Buffer> {
  const page = await browserPage!();
  const base64 = await page.evaluate(
    async ({ data, width, height }) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: "image/png" }),
      );
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/png" })).arrayBuffer());
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    },
    { data: png.toString("base64"), width, height },
  );
  await page.close();
  return Buffer.from(base64, "base64");
}

// In CI a missing Chromium fails here instead of skipping the browser tests unseen.
it.runIf(missingChromium !== undefined && inCI)("finds Chromium in CI (.ci/run installs Debian's chromium)", () => {
  expect.fail(missingChromium);
});

describe.skipIf(missingChromium !== undefined)("the playground in Chromium", () => {
  let local: { url: string; close(): Promise<void> };
  let standIn: TestServer;
  let site: TestServer;
  let chromium: { context: BrowserContext; close(): Promise<void> };
  let localTasks: Record<string, { widgetModels?: string[] }> = {};
  const used: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [local, standIn, site, chromium] = await Promise.all([
      startLocalServer({}),
      startStandIn(),
      startStaticServer(),
      launchChromium(),
    ]);
    browserPage = async () => {
      const page = await chromium.context.newPage();
      await page.goto(`${site.url}/?endpoint=${encodeURIComponent(standIn.url)}`);
      return page;
    };
    localTasks = (await (await fetch(`${local.url}/api/tasks`)).json()) as typeof localTasks;
  }, 120_000);

  afterAll(async () => {
    console.log(`playground tasks: ${used.join("; ")}`);
    await chromium?.close();
    await Promise.all([local?.close(), standIn?.close(), site?.close()]);
  });

  /** Whether a browser page on another origin may call the local server: a CORS preflight it answers. */
  async function localAllowsBrowsers(): Promise<boolean> {
    const response = await fetch(`${local.url}/models/any`, {
      method: "OPTIONS",
      headers: {
        origin: site.url,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    }).catch(() => undefined);
    const allowed = response?.headers.get("access-control-allow-origin");
    return response !== undefined && response.status < 300 && (allowed === "*" || allowed === site.url);
  }

  /** The local server when it serves the task (recommends a model, allows browsers, answers the call), else the stand-in. */
  async function choose(
    testCase: Case,
  ): Promise<{ where: Where; url: string; model: string; inputs: Inputs; expected: unknown; deterministic: boolean }> {
    const model = (testCase.modelTasks ?? [testCase.task])
      .map((task) => localTasks[task]?.widgetModels?.[0])
      .find(Boolean);
    let reason = `it recommends no model for ${testCase.task}`;
    if (testCase.recorded) reason = "this case runs on recorded answers";
    else if (model !== undefined) {
      if (await localAllowsBrowsers()) {
        const inputs = await testCase.inputs("local");
        try {
          // Waits for a loading model as the page does, within the test's time.
          const client = createClient({ endpoint: local.url, hubEndpoint: local.url, token: false, timeout: 90_000 });
          const expected = await testCase.expected(client, model, inputs);
          const streamed = testCase.task === "text-generation" || testCase.task === "chat-completion";
          const deterministic =
            !streamed || JSON.stringify(await testCase.expected(client, model, inputs)) === JSON.stringify(expected);
          if (!deterministic)
            console.warn(
              `${testCase.task}: ${model} answers differently each time; its text is checked for streaming only`,
            );
          return { where: "local", url: local.url, model, inputs, expected, deterministic };
        } catch (error) {
          reason = `${model} failed from Node: ${String(error)}`;
        }
      } else reason = "it answers no CORS preflight";
    }
    if (requireLocal && !testCase.recorded)
      throw new Error(`the local server does not serve ${testCase.task} to the page: ${reason}`);
    const inputs = await testCase.inputs("stand-in");
    const client = createClient({ endpoint: standIn.url, hubEndpoint: standIn.url, token: false });
    const recordedModel = (((await (await fetch(`${standIn.url}/api/tasks`)).json()) as typeof localTasks)[
      testCase.task
    ]?.widgetModels ?? [])[0]!;
    return {
      where: "stand-in",
      url: standIn.url,
      model: recordedModel,
      inputs,
      expected: await testCase.expected(client, recordedModel, inputs),
      deterministic: true,
    };
  }

  async function openPage(endpoint: string, task: string, { recommended = true } = {}): Promise<Page> {
    const page = await chromium.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${site.url}/?endpoint=${encodeURIComponent(endpoint)}&task=${task}`);
    if (recommended) await expect.poll(() => page.locator("#model").inputValue(), { timeout: 30_000 }).not.toBe("");
    else await expect.poll(() => page.locator("#model-note").innerText(), { timeout: 30_000 }).toContain("/api/tasks");
    expect(problems).toEqual([]);
    return page;
  }

  /** Records the result text at each change, to see a stream grow. */
  async function watchResult(page: Page): Promise<void> {
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seen: string[] }).seen = seen;
      const result = document.querySelector("#result")!;
      new MutationObserver(() => {
        const text = result.querySelector('[data-testid="text"]')?.textContent;
        if (text) seen.push(text);
      }).observe(result, { childList: true, subtree: true, characterData: true });
    });
  }

  for (const testCase of [...CASES, ...RECORDED_CASES]) {
    it(`runs ${testCase.task} and shows the answer`, async () => {
      const { where, url, model, inputs, expected, deterministic } = await choose(testCase);
      used.push(`${testCase.task}: ${where} (${model})`);
      const page = await openPage(url, testCase.task);
      expect(await page.locator("#model").inputValue()).toBe(model);
      if (inputs.text !== undefined) await page.locator("#fields textarea").first().fill(inputs.text);
      if (inputs.file) await page.locator('#fields input[type="file"]').setInputFiles(inputs.file);
      await watchResult(page);
      await page.locator("#run").click();
      await expect
        .poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 90_000 })
        .toMatch(/^(done|error)$/);
      expect(await page.locator("#error").innerText()).toBe("");
      await testCase.check(
        page,
        expected,
        await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen),
        deterministic,
      );
      // The request it sent, and the same call as code.
      const sent = await page.locator("#request").innerText();
      expect(sent).toContain(`POST ${url}/models/${model}`);
      const code = await page.locator("#snippet").innerText();
      expect(code).toContain(`from "@infer/task-${testCase.task}"`);
      expect(code).toContain(`model: ${JSON.stringify(model)}`);
      await page.screenshot({ path: `${screenshots}${testCase.task}.png`, fullPage: true });
      await page.close();
    }, 120_000);
  }

  it("shows a loading model with its estimate, then the answer", async () => {
    const page = await openPage(standIn.url, "text-classification");
    await page.locator("#model").fill(LOADING_MODEL);
    await page.locator("#run").click();
    const notice = page.locator("#loading");
    // Read in one go while the client waits (the estimate is 3 s): the notice, and the status beside it.
    const waiting = () =>
      page.evaluate(() => {
        const shown = document.querySelector<HTMLElement>("#loading")!;
        return {
          visible: !shown.hidden,
          text: shown.innerText,
          state: document.querySelector("#status")!.getAttribute("data-state"),
        };
      });
    await expect.poll(async () => (await waiting()).visible, { timeout: 30_000 }).toBe(true);
    const seen = await waiting();
    expect(seen.text).toContain(`${LOADING_MODEL} is loading (estimated ${LOADING_ESTIMATE.toFixed(1)} s)`);
    expect(seen.state).toBe("loading");
    await page.screenshot({ path: `${screenshots}loading-model.png`, fullPage: true });
    await expect.poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    expect(await notice.isVisible()).toBe(false);
    expect(await page.locator('#result [data-testid="labels"] li').count()).toBeGreaterThan(0);
    expect(await page.locator("#request").innerText()).toMatch(/→ 503[\s\S]*→ 200/);
    await page.close();
  }, 120_000);

  it("shows errors plainly: the server's, and a missing input before any request", async () => {
    const page = await openPage(standIn.url, "text-classification");
    await page.locator("#model").fill("infer-test/no-such-model");
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    const shown = await page.locator("#error").innerText();
    expect(shown).toContain("InferenceHTTPError");
    expect(shown).toContain("Model infer-test/no-such-model does not exist");
    expect(shown).toContain("status 404");
    await page.screenshot({ path: `${screenshots}error.png`, fullPage: true });

    await page.locator("#task").selectOption("object-detection");
    const before = await page.locator("#request").innerText();
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    expect(await page.locator("#error").innerText()).toMatch(/InferenceInputError[\s\S]*argument image/);
    expect(await page.locator("#request").innerText()).toBe("");
    expect(before).not.toBe("");
    await page.close();
  }, 120_000);

  it("edits a table: the rows and columns added are what is sent", async () => {
    const page = await openPage(standIn.url, "tabular-regression", { recommended: false });
    await page.locator("#fields button", { hasText: "+ row" }).click();
    await page.locator("#fields button", { hasText: "+ column" }).click();
    const header = page.locator('#fields [data-testid="table-editor"] thead input');
    await header.last().fill("Weight");
    const lastRow = page.locator('#fields [data-testid="table-editor"] tbody tr').last().locator("input");
    const cells = await lastRow.count();
    for (let index = 0; index < cells; index++) await lastRow.nth(index).fill(String(10 + index));
    await page.locator("#model").fill("infer-test/no-such-model");
    const before = standIn.requests.length;
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    const sent = standIn.requests.slice(before).find((request) => request.method === "POST")!;
    const table = ((sent.json() as Record<string, unknown>)["table"] ??
      (sent.json() as { inputs?: { data?: unknown } }).inputs?.data) as Record<string, string[]>;
    const initial = tableOf("tabular-regression");
    expect(Object.keys(table)).toEqual([...Object.keys(initial), "Weight"]);
    for (const [index, column] of Object.keys(table).entries()) {
      expect(table[column]).toHaveLength(initial[Object.keys(initial)[0]!]!.length + 1);
      expect(table[column]!.at(-1)).toBe(String(10 + index));
    }
    await page.close();
  }, 120_000);

  it("keeps the token in memory: sent as a header, masked in the request shown, absent from the code and storage", async () => {
    const page = await openPage(standIn.url, "text-classification");
    await page.locator("#token").fill("hf_secret_playground_token");
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    const sent = standIn.requests.filter((request) => request.method === "POST").at(-1)!;
    expect(sent.headers["authorization"]).toBe("Bearer hf_secret_playground_token");
    const html = await page.content();
    expect(await page.locator("#request").innerText()).toContain("authorization: Bearer ***");
    expect(await page.locator("#snippet").innerText()).toContain('token: "hf_***"');
    const stored = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
    );
    expect(stored).not.toContain("hf_secret");
    expect(html.replace(/value="[^"]*"/g, "")).not.toContain("hf_secret_playground_token");
    await page.close();
  }, 120_000);
});
