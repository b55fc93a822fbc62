import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  ChatCompletionInput,
  FetchTransportOptions,
  FillMaskOutput,
  PostRequest,
  TextGenerationOptions,
  TextGenerationOutput,
  TextGenerationStreamEvent,
  TextToImageOptions,
  TranslationOptions,
  ZeroShotClassificationOptions,
} from "./index.js";
import { InferenceClient } from "./index.js";

const packages = new URL("../../", import.meta.url);

/** The type names an index file exports with `export type { … } from "<from>"`, except those from `skip`. */
function exportedTypes(file: URL, skip: string): string[] {
  const source = readFileSync(file, "utf8");
  const names: string[] = [];
  for (const match of source.matchAll(/export type \{([^}]*)\} from "([^"]+)"/g)) {
    if (match[2] === skip) continue;
    names.push(
      ...(match[1] ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
    );
  }
  return names.sort();
}

describe("@infer/inference", () => {
  describe("task types", () => {
    it("re-exports every public type of every task package", () => {
      const reexported = new Set(exportedTypes(new URL("inference/src/index.ts", packages), ""));
      const tasks = readdirSync(packages).filter((name) => name.startsWith("task-"));
      expect(tasks.length).toBeGreaterThanOrEqual(27);
      for (const task of tasks) {
        const own = exportedTypes(new URL(`${task}/src/index.ts`, packages), "@infer/core");
        expect(own.length, task).toBeGreaterThan(0);
        expect(
          own.filter((name) => !reexported.has(name)),
          task,
        ).toEqual([]);
      }
    });

    it("are the task packages' own types", () => {
      expectTypeOf<FillMaskOutput[number]["token_str"]>().toEqualTypeOf<string>();
      expectTypeOf<TextGenerationStreamEvent>().not.toBeAny();
    });
  });

  describe("task options", () => {
    it("accept an explicit undefined under exactOptionalPropertyTypes", () => {
      const generation: TextGenerationOptions = {
        maxNewTokens: undefined,
        stream: undefined,
        topK: undefined,
        model: undefined,
      };
      const image: TextToImageOptions = { negativePrompt: undefined, width: undefined };
      const translation: TranslationOptions = { srcLang: undefined, tgtLang: undefined };
      const zeroShot: ZeroShotClassificationOptions = { multiLabel: undefined, model: undefined };
      const chat: ChatCompletionInput = {
        messages: [
          { role: "user", content: "hi", name: undefined },
          { role: "user", content: [{ type: "image_url", image_url: { url: "https://x/y.png", detail: undefined } }] },
        ],
        tools: [{ type: "function", function: { name: "f", description: undefined, parameters: undefined } }],
        maxTokens: undefined,
        stream: undefined,
        streamOptions: { include_usage: undefined },
      };
      const post: PostRequest = { json: 1, data: undefined, model: undefined, headers: undefined, signal: undefined };
      const transport: FetchTransportOptions = { redirect: undefined };
      expect(
        [generation, image, translation, zeroShot, chat, post, transport].every(
          (options) => typeof options === "object",
        ),
      ).toBe(true);
    });

    it("keep the stream type when stream is true but details is only known as a boolean", () => {
      const client = new InferenceClient({ token: false });
      const defaults: TextGenerationOptions = { maxNewTokens: 5 };
      const details: boolean = defaults.details ?? false;
      const stream = () => client.textGeneration("x", { ...defaults, stream: true, details });
      expectTypeOf<Awaited<ReturnType<typeof stream>>>().toEqualTypeOf<
        AsyncIterable<string> | AsyncIterable<TextGenerationStreamEvent>
      >();
      const flag: boolean = details;
      const maybe = () => client.textGeneration("x", { stream: flag });
      expectTypeOf<Awaited<ReturnType<typeof maybe>>>().toEqualTypeOf<string | AsyncIterable<string>>();
      const once = () => client.textGeneration("x", { ...defaults, stream: false, details });
      expectTypeOf<Awaited<ReturnType<typeof once>>>().toEqualTypeOf<string | TextGenerationOutput>();
      expect(typeof stream).toBe("function");
    });
  });
});
