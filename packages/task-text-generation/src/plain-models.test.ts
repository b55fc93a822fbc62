import { createClient, InferenceHTTPError, InferenceInputError } from "@infer/core";
import { sendJson, type Handler } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { textGeneration } from "./index.js";

const TGI_ONLY = [
  "watermark",
  "stop",
  "details",
  "decoder_input_details",
  "adapter_id",
  "frequency_penalty",
  "grammar",
  "top_n_tokens",
];
const kwargsError = (names: string[]) => ({
  error: `The following \`model_kwargs\` are not used by the model: ${JSON.stringify(names)} (note: typos in the generate arguments will also show up in this list)`,
});

/** A server that is not TGI: it rejects TGI's parameters as unused model_kwargs (every request, when `always`). */
const notTgi =
  (always: boolean): Handler =>
  (request, response) => {
    const parameters = ((request.json() as { parameters?: Record<string, unknown> }).parameters ?? {}) as Record<
      string,
      unknown
    >;
    const unused = Object.keys(parameters).filter((name) => TGI_ONLY.includes(name));
    if (always || unused.length > 0) return sendJson(response, kwargsError(unused), 400);
    sendJson(response, [{ generated_text: "plain" }]);
  };
const server = useTaskServer(notTgi(false));
/** The two requests of a call (the TGI form, then the plain one) both rejected. */
const rejectBoth = () => server.answerNext(notTgi(true), notTgi(true));
afterEach(() => {
  vi.restoreAllMocks();
});

const client = () => createClient({ ...server.clientOptions(), token: false });

describe("@infer/task-text-generation", () => {
  describe("textGeneration against a server that is not TGI", () => {
    it("drops the TGI-only parameters with one warning and retries once", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const before = server.requests.length;
      const output = await textGeneration(client(), "Hi", {
        model: "plain/one",
        watermark: true,
        stop: ["."],
        details: true,
        maxNewTokens: 5,
      });
      expect(server.requests.length - before).toBe(2);
      expect(server.requests.at(-2)!.json()).toEqual({
        inputs: "Hi",
        parameters: { watermark: true, stop: ["."], details: true, max_new_tokens: 5 },
      });
      expect(server.last().json()).toEqual({ inputs: "Hi", parameters: { max_new_tokens: 5 } });
      expect(output).toEqual({ generated_text: "plain" });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain("options.watermark, options.stop, options.details");
    });

    it("warns naming the model and the TGI-only options that were set, in a fixed order", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await textGeneration(client(), "Hi", {
        model: "plain/eight",
        decoderInputDetails: true,
        details: true,
        stop: ["."],
      });
      expect(warn.mock.calls).toEqual([
        [
          "@infer/task-text-generation: plain/eight is not served by Text Generation Inference; ignoring options.stop, options.details, options.decoderInputDetails. Later calls send the plain form.",
        ],
      ]);
    });

    it("drops adapterId, frequencyPenalty, grammar and topNTokens too, naming them after the others", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const before = server.requests.length;
      const output = await textGeneration(client(), "Hi", {
        model: "plain/ten",
        topNTokens: 2,
        grammar: { type: "regex", value: "[a-z]+" },
        frequencyPenalty: 0.5,
        adapterId: "org/adapter",
        watermark: true,
        temperature: 0.5,
      });
      expect(server.requests.length - before).toBe(2);
      expect(server.requests.at(-2)!.json()).toEqual({
        inputs: "Hi",
        parameters: {
          adapter_id: "org/adapter",
          frequency_penalty: 0.5,
          grammar: { type: "regex", value: "[a-z]+" },
          temperature: 0.5,
          top_n_tokens: 2,
          watermark: true,
        },
      });
      expect(server.last().json()).toEqual({ inputs: "Hi", parameters: { temperature: 0.5 } });
      expect(output).toBe("plain");
      expect(warn.mock.calls).toEqual([
        [
          "@infer/task-text-generation: plain/ten is not served by Text Generation Inference; ignoring options.watermark, options.adapterId, options.frequencyPenalty, options.grammar, options.topNTokens. Later calls send the plain form.",
        ],
      ]);
    });

    it("warns without a list when no TGI-only option was set", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      rejectBoth();
      await textGeneration(client(), "Hi", { model: "plain/nine" }).catch(() => undefined);
      expect(warn.mock.calls).toEqual([
        [
          "@infer/task-text-generation: plain/nine is not served by Text Generation Inference. Later calls send the plain form.",
        ],
      ]);
    });

    it("sends later calls for that model in the plain form directly, without warning again", async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await textGeneration(client(), "Hi", { model: "plain/two", watermark: true });
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      warn.mockClear();
      const before = server.requests.length;
      const text = await textGeneration(client(), "Again", { model: "plain/two", stop: ["!"], temperature: 0.5 });
      expect(server.requests.length - before).toBe(1);
      expect(server.last().json()).toEqual({ inputs: "Again", parameters: { temperature: 0.5 } });
      expect(text).toBe("plain");
      expect(warn).not.toHaveBeenCalled();
    });

    it("remembers the model only: another model still gets the TGI parameters", async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await textGeneration(client(), "Hi", { model: "plain/three", watermark: true });
      const before = server.requests.length;
      await textGeneration(client(), "Hi", { model: "plain/four", watermark: true });
      expect(server.requests.length - before).toBe(2);
      expect(server.requests.at(-2)!.json()).toEqual({ inputs: "Hi", parameters: { watermark: true } });
    });

    it("rejects stream for a model known not to be TGI, before any request", async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await textGeneration(client(), "Hi", { model: "plain/five", details: true });
      const before = server.requests.length;
      await expect(textGeneration(client(), "Hi", { model: "plain/five", stream: true })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "options.stream",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects stream with InferenceInputError when the first stream request finds the model is not TGI", async () => {
      const before = server.requests.length;
      const error = await textGeneration(client(), "Hi", { model: "plain/six", stream: true, stop: ["."] }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceInputError.isInstance(error)).toBe(true);
      expect((error as InferenceInputError).argument).toBe("options.stream");
      expect(InferenceHTTPError.isInstance((error as Error).cause)).toBe(true);
      expect(server.requests.length - before).toBe(1);
    });

    it("retries only once: a second rejection is the HTTP error", async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      rejectBoth();
      const before = server.requests.length;
      const error = await textGeneration(client(), "Hi", { model: "plain/seven", watermark: true }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceHTTPError.isInstance(error)).toBe(true);
      expect((error as InferenceHTTPError).status).toBe(400);
      expect(server.requests.length - before).toBe(2);
    });
  });
});
