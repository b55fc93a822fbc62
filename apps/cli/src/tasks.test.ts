import type { ServerResponse } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InferenceClient } from "@infer/inference";
import {
  findTapes,
  fixtureBytes,
  fixturePath,
  sendBytes,
  startServer,
  type RecordedRequest,
  type Tape,
  type TestServer,
} from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infer } from "./__fixtures__/run-cli.js";
import { TASKS } from "./tasks/tasks.js";

/** Answers as recorded: the tape's status, content type and body (binary bodies were not recorded: real media instead). */
function replay(tape: Tape, media?: Buffer): (response: ServerResponse) => void {
  return (response) => {
    const type = tape.response.headers["content-type"] ?? "application/json";
    if (media) return sendBytes(response, media, type, tape.response.status);
    response.writeHead(tape.response.status, { "content-type": type });
    response.end(tape.response.body);
  };
}

const tape = (urlPart: string, bodyPart?: string) => findTapes(urlPart, bodyPart)[0]!;
const requestOf = (recorded: Tape) =>
  JSON.parse(recorded.init.body!) as { inputs: unknown; parameters?: Record<string, unknown> };

/** Routes of the loopback server: path → recorded answer. */
const routes = new Map<string, (response: ServerResponse, request: RecordedRequest) => void>();
let server: TestServer;
let directory: string;
let client: InferenceClient;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const route = routes.get(request.url.split("?")[0]!);
    if (route) return route(response, request);
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `no route for ${request.url}` }));
  });
  directory = mkdtempSync(join(tmpdir(), "infer-cli-tasks-"));
  // The library itself against the same server: what the CLI prints must be what it returns.
  client = new InferenceClient({ endpoint: server.url, hubEndpoint: server.url, token: false, retry: false });
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const common = () => ["--endpoint", server.url, "--hub-endpoint", server.url];
const requestsTo = (path: string) => server.requests.filter((request) => request.url === path);

/** One task's happy path: the CLI's args, the route it hits, what the library returns for the same inputs. */
interface Case {
  task: string;
  args: () => string[];
  path: string;
  answer: (response: ServerResponse, request: RecordedRequest) => void;
  /** The library's result for the same call; the CLI prints it as compact JSON when piped. */
  expected: () => Promise<unknown>;
  /** Further checks of what the server received. */
  check?: (request: RecordedRequest) => void;
}

const sst2 = tape("distilbert-base-uncased-finetuned-sst-2-english");
const fillMaskTape = tape("/models/bert-base-uncased");
const tokens = tape("dbmdz/bert-large-cased-finetuned-conll03-english");
const squad = tape("deepset/roberta-base-squad2");
const t5 = tape("/models/t5-base", '"My name is Wolfgang and I live in Berlin","options"');
const dialog = tape("microsoft/DialoGPT-large");
const mnli = tape("facebook/bart-large-mnli");
const similarity = tape("/models/sentence-transformers/paraphrase-xlm-r-multilingual-v1", "source_sentence");
const embeddings = tape("/models/sentence-transformers/distilbert-base-nli-mean-tokens");
const cnn = tape("facebook/bart-large-cnn");
const gpt2 = tape("/models/gpt2");
const tapas = tape("google/tapas-base-finetuned-wtq");
const wine = tape("vvmnnnkv/wine-quality");
const fish = tape("scikit-learn/Fish-Weight");
const vit = tape("google/vit-base-patch16-224");
const panoptic = tape("facebook/detr-resnet-50-panoptic");
const captioning = tape("nlpconnect/vit-gpt2-image-captioning");
const detr = tape("/models/facebook/detr-resnet-50");
const clip = tape("openai/clip-vit-large-patch14-336");
const layoutlm = tape("impira/layoutlm-document-qa");
const vilt = tape("dandelin/vilt-b32-finetuned-vqa");
const hubert = tape("superb/hubert-large-superb-er");
const wav2vec = tape("facebook/wav2vec2-large-960h-lv60-self");

const tapasTable = (requestOf(tapas).inputs as { table: Record<string, string[]> }).table;
const wineTable = (requestOf(wine).inputs as { data: Record<string, string[]> }).data;
const fishTable = (requestOf(fish).inputs as { data: Record<string, string[]> }).data;
/** A CSV of a table by columns (cells quoted). */
const csv = (table: Record<string, string[]>) => {
  const names = Object.keys(table);
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return [
    names.map(quote).join(","),
    ...table[names[0]!]!.map((_, row) => names.map((name) => quote(table[name]![row]!)).join(",")),
  ].join("\n");
};

const cases: Case[] = [
  {
    task: "text-classification",
    args: () => [
      "text-classification",
      requestOf(sst2).inputs as string,
      "--model",
      "distilbert-base-uncased-finetuned-sst-2-english",
    ],
    path: "/models/distilbert-base-uncased-finetuned-sst-2-english",
    answer: replay(sst2),
    expected: async () => (JSON.parse(sst2.response.body) as unknown[])[0],
    check: (request) => expect(request.json()).toEqual({ inputs: requestOf(sst2).inputs }),
  },
  {
    task: "fill-mask",
    args: () => ["fill-mask", "[MASK] world!", "--model", "bert-base-uncased"],
    path: "/models/bert-base-uncased",
    answer: replay(fillMaskTape),
    expected: async () => JSON.parse(fillMaskTape.response.body),
  },
  {
    task: "token-classification",
    args: () => [
      "token-classification",
      requestOf(tokens).inputs as string,
      "--model",
      "dbmdz/bert-large-cased-finetuned-conll03-english",
    ],
    path: "/models/dbmdz/bert-large-cased-finetuned-conll03-english",
    answer: replay(tokens),
    expected: async () => JSON.parse(tokens.response.body),
  },
  {
    task: "question-answering",
    args: () => [
      "question-answering",
      "What is the capital of France?",
      "The capital of France is Paris.",
      "--model",
      "deepset/roberta-base-squad2",
    ],
    path: "/models/deepset/roberta-base-squad2",
    answer: replay(squad),
    expected: () =>
      client.questionAnswering("What is the capital of France?", "The capital of France is Paris.", {
        model: "deepset/roberta-base-squad2",
      }),
    check: (request) =>
      expect(request.json()).toEqual({
        question: "What is the capital of France?",
        context: "The capital of France is Paris.",
      }),
  },
  {
    task: "translation",
    args: () => ["translation", "My name is Wolfgang and I live in Berlin", "--model", "t5-base"],
    path: "/models/t5-base",
    answer: replay(t5),
    expected: async () => (JSON.parse(t5.response.body) as { translation_text: string }[])[0]!.translation_text,
  },
  {
    task: "conversational",
    args: () => [
      "conversational",
      "Can you explain why ?",
      "--past-user-inputs",
      "Which movie is the best ?",
      "--generated-responses",
      "It is Die Hard for sure.",
      "--max-length",
      "50",
      "--model",
      "microsoft/DialoGPT-large",
    ],
    path: "/models/microsoft/DialoGPT-large",
    answer: replay(dialog),
    expected: async () => JSON.parse(dialog.response.body),
    check: (request) =>
      expect(request.json()).toEqual({
        inputs: {
          text: "Can you explain why ?",
          past_user_inputs: ["Which movie is the best ?"],
          generated_responses: ["It is Die Hard for sure."],
        },
        parameters: { max_length: 50 },
      }),
  },
  {
    task: "zero-shot-classification",
    args: () => [
      "zero-shot-classification",
      (requestOf(mnli).inputs as string[])[0]!,
      "refund",
      "legal,faq",
      "--multi-label",
      "--model",
      "facebook/bart-large-mnli",
    ],
    path: "/models/facebook/bart-large-mnli",
    answer: replay(mnli),
    expected: () =>
      client.zeroShotClassification((requestOf(mnli).inputs as string[])[0]!, ["refund", "legal", "faq"], {
        model: "facebook/bart-large-mnli",
      }),
    check: (request) =>
      expect((request.json() as { parameters: unknown }).parameters).toEqual({
        candidate_labels: "refund,legal,faq",
        multi_label: true,
      }),
  },
  {
    task: "sentence-similarity",
    args: () => [
      "sentence-similarity",
      "That is a happy person",
      "That is a happy dog",
      "That is a very happy person",
      "Today is a sunny day",
      "--model",
      "sentence-transformers/paraphrase-xlm-r-multilingual-v1",
    ],
    path: "/pipeline/sentence-similarity/sentence-transformers/paraphrase-xlm-r-multilingual-v1",
    answer: replay(similarity),
    expected: async () => JSON.parse(similarity.response.body),
    check: (request) => expect(request.json()).toEqual({ inputs: requestOf(similarity).inputs as object }),
  },
  {
    task: "feature-extraction",
    args: () => [
      "feature-extraction",
      "That is a happy person",
      "--model",
      "sentence-transformers/distilbert-base-nli-mean-tokens",
    ],
    path: "/pipeline/feature-extraction/sentence-transformers/distilbert-base-nli-mean-tokens",
    answer: replay(embeddings),
    expected: async () => JSON.parse(embeddings.response.body),
  },
  {
    task: "summarization",
    args: () => [
      "summarization",
      requestOf(cnn).inputs as string,
      "--max-length",
      "100",
      "--parameters",
      '{"min_length": 5, "max_length": 1}',
      "--model",
      "facebook/bart-large-cnn",
    ],
    path: "/models/facebook/bart-large-cnn",
    answer: replay(cnn),
    expected: async () => (JSON.parse(cnn.response.body) as { summary_text: string }[])[0]!.summary_text,
    check: (request) =>
      expect((request.json() as { parameters: unknown }).parameters).toEqual({ min_length: 5, max_length: 100 }),
  },
  {
    task: "text-generation",
    args: () => [
      "text-generation",
      "The answer to the universe is",
      "--max-new-tokens",
      "20",
      "--stop",
      "a,b",
      "--stop",
      "c",
      "--do-sample",
      "--model",
      "gpt2",
    ],
    path: "/models/gpt2",
    answer: replay(gpt2),
    expected: async () => (JSON.parse(gpt2.response.body) as { generated_text: string }[])[0]!.generated_text,
    check: (request) =>
      expect(request.json()).toEqual({
        inputs: "The answer to the universe is",
        parameters: { max_new_tokens: 20, stop: ["a", "b", "c"], do_sample: true },
      }),
  },
  {
    task: "table-question-answering",
    args: () => {
      writeFileSync(join(directory, "repositories.csv"), csv(tapasTable));
      return [
        "table-question-answering",
        join(directory, "repositories.csv"),
        "How many stars does the transformers repository have?",
        "--model",
        "google/tapas-base-finetuned-wtq",
      ];
    },
    path: "/models/google/tapas-base-finetuned-wtq",
    answer: replay(tapas),
    expected: async () => JSON.parse(tapas.response.body),
    check: (request) => expect((request.json() as { table: unknown }).table).toEqual(tapasTable),
  },
  {
    task: "tabular-classification",
    args: () => {
      const rows = wineTable[Object.keys(wineTable)[0]!]!.map((_, row) =>
        Object.fromEntries(Object.entries(wineTable).map(([name, cells]) => [name, cells[row]])),
      );
      writeFileSync(join(directory, "wines.json"), JSON.stringify(rows));
      return ["tabular-classification", join(directory, "wines.json"), "--model", "vvmnnnkv/wine-quality"];
    },
    path: "/models/vvmnnnkv/wine-quality",
    answer: replay(wine),
    expected: () => client.tabularClassification(wineTable, { model: "vvmnnnkv/wine-quality" }),
    check: (request) => expect(request.json()).toEqual({ table: wineTable }),
  },
  {
    task: "tabular-regression",
    args: () => {
      writeFileSync(join(directory, "fish.csv"), csv(fishTable));
      return ["tabular-regression", join(directory, "fish.csv"), "--model", "scikit-learn/Fish-Weight"];
    },
    path: "/models/scikit-learn/Fish-Weight",
    answer: replay(fish),
    expected: async () => JSON.parse(fish.response.body),
    check: (request) => expect(request.json()).toEqual({ table: fishTable }),
  },
  {
    task: "image-classification",
    args: () => ["image-classification", fixturePath("cheetah.png"), "--model", "google/vit-base-patch16-224"],
    path: "/models/google/vit-base-patch16-224",
    answer: replay(vit),
    expected: async () => JSON.parse(vit.response.body),
    check: (request) => expect(request.body.equals(fixtureBytes("cheetah.png"))).toBe(true),
  },
  {
    task: "image-segmentation",
    args: () => ["image-segmentation", fixturePath("cheetah.png"), "--model", "facebook/detr-resnet-50-panoptic"],
    path: "/models/facebook/detr-resnet-50-panoptic",
    answer: replay(panoptic),
    // Masks are printed as the server sent them, base64 PNG.
    expected: async () => JSON.parse(panoptic.response.body),
  },
  {
    task: "image-to-text",
    args: () => ["image-to-text", fixturePath("cheetah.png"), "--model", "nlpconnect/vit-gpt2-image-captioning"],
    path: "/models/nlpconnect/vit-gpt2-image-captioning",
    answer: replay(captioning),
    expected: async () => (JSON.parse(captioning.response.body) as { generated_text: string }[])[0]!.generated_text,
  },
  {
    task: "object-detection",
    args: () => ["object-detection", fixturePath("cheetah.png"), "--model", "facebook/detr-resnet-50"],
    path: "/models/facebook/detr-resnet-50",
    answer: replay(detr),
    expected: async () => JSON.parse(detr.response.body),
  },
  {
    task: "zero-shot-image-classification",
    args: () => [
      "zero-shot-image-classification",
      fixturePath("cheetah.png"),
      "animal,toy",
      "car",
      "--model",
      "openai/clip-vit-large-patch14-336",
    ],
    path: "/models/openai/clip-vit-large-patch14-336",
    answer: replay(clip),
    expected: async () => JSON.parse(clip.response.body),
    check: (request) =>
      expect(request.json()).toEqual({
        image: fixtureBytes("cheetah.png").toString("base64"),
        parameters: { candidate_labels: "animal,toy,car" },
      }),
  },
  {
    task: "document-question-answering",
    args: () => [
      "document-question-answering",
      fixturePath("invoice.png"),
      "What is the invoice number?",
      "--model",
      "impira/layoutlm-document-qa",
    ],
    path: "/models/impira/layoutlm-document-qa",
    answer: replay(layoutlm),
    expected: async () => JSON.parse(layoutlm.response.body),
    check: (request) =>
      expect(request.json()).toEqual({
        question: "What is the invoice number?",
        image: fixtureBytes("invoice.png").toString("base64"),
      }),
  },
  {
    task: "visual-question-answering",
    args: () => [
      "visual-question-answering",
      fixturePath("cheetah.png"),
      "How many cats are lying down?",
      "--model",
      "dandelin/vilt-b32-finetuned-vqa",
    ],
    path: "/models/dandelin/vilt-b32-finetuned-vqa",
    answer: replay(vilt),
    expected: async () => JSON.parse(vilt.response.body),
  },
  {
    task: "audio-classification",
    args: () => ["audio-classification", fixturePath("sample1.flac"), "--model", "superb/hubert-large-superb-er"],
    path: "/models/superb/hubert-large-superb-er",
    answer: replay(hubert),
    expected: async () => JSON.parse(hubert.response.body),
    check: (request) => expect(request.body.equals(fixtureBytes("sample1.flac"))).toBe(true),
  },
  {
    task: "automatic-speech-recognition",
    args: () => [
      "automatic-speech-recognition",
      fixturePath("sample1.flac"),
      "--model",
      "facebook/wav2vec2-large-960h-lv60-self",
    ],
    path: "/models/facebook/wav2vec2-large-960h-lv60-self",
    answer: replay(wav2vec),
    expected: async () => (JSON.parse(wav2vec.response.body) as { text: string }).text,
  },
];

/** Tasks whose result is bytes: written with -o (or to stdout when piped), byte for byte. */
const binaryCases = [
  {
    task: "text-to-image",
    tape: tape("stabilityai/stable-diffusion-2"),
    media: fixtureBytes("cheetah.png"),
    model: "stabilityai/stable-diffusion-2",
    inputs: ["An astronaut riding a horse", "--negative-prompt", "blurry", "--width", "512"],
    file: "astronaut.png",
  },
  {
    task: "image-to-image",
    tape: tape("lllyasviel/sd-controlnet-canny"),
    media: fixtureBytes("bird_canny.png"),
    model: "lllyasviel/sd-controlnet-canny",
    inputs: [fixturePath("bird_canny.png"), "--prompt", "a bird", "--strength", "0.5"],
    file: "bird.png",
  },
  {
    task: "text-to-speech",
    tape: tape("espnet/kan-bayashi_ljspeech_vits"),
    media: fixtureBytes("sample1.flac"),
    model: "espnet/kan-bayashi_ljspeech_vits",
    inputs: ["hello there!"],
    file: undefined,
  },
];

for (const item of cases) routes.set(item.path, item.answer);
for (const item of binaryCases) routes.set(`/models/${item.model}`, replay(item.tape, item.media));

describe("@infer/cli tasks", () => {
  it("covers every task of DESIGN.md here", () => {
    expect([...cases.map((item) => item.task), ...binaryCases.map((item) => item.task)].sort()).toEqual(
      TASKS.map((task) => task.name).sort(),
    );
  });

  describe.concurrent("infer <task>: the happy path, piped (compact JSON on stdout, nothing on stderr)", () => {
    for (const item of cases) {
      it(`${item.task} prints what the library returns`, async () => {
        const { code, text, stderr } = await infer([...item.args(), ...common()]);
        expect(stderr).toBe("");
        expect(code).toBe(0);
        expect(text.endsWith("\n")).toBe(true);
        expect(text.trimEnd()).not.toContain("\n");
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(await item.expected())));
        const received = requestsTo(item.path);
        expect(received.length).toBeGreaterThan(0);
        expect(received[0]!.method).toBe("POST");
        item.check?.(received[0]!);
      });
    }

    for (const item of binaryCases) {
      it(`${item.task} writes the bytes the server sent${item.file ? " to -o FILE" : " to stdout when piped"}`, async () => {
        const args = [item.task, ...item.inputs, "--model", item.model, ...common()];
        if (item.file === undefined) {
          const { code, stdout, stderr } = await infer(args);
          expect(stderr).toBe("");
          expect(code).toBe(0);
          expect(stdout.equals(item.media)).toBe(true);
          return;
        }
        const file = join(directory, item.file);
        const { code, text, stderr } = await infer([...args, "-o", file]);
        expect(stderr).toBe("");
        expect(code).toBe(0);
        expect(readFileSync(file).equals(item.media)).toBe(true);
        expect(JSON.parse(text)).toEqual({
          file,
          type: item.tape.response.headers["content-type"],
          bytes: item.media.byteLength,
        });
      });
    }
  });
});
