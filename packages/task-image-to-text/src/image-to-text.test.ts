import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageToText } from "./index.js";

const MODEL = "nlpconnect/vit-gpt2-image-captioning";
const recorded = tapeJson(MODEL);
const cheetah = fixtureBytes("cheetah.png");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-image-to-text", () => {
  describe("imageToText", () => {
    it("streams a path as the raw body to /models/{model}, typed image/png, and unwraps [0].generated_text", async () => {
      const caption = await imageToText(client(), fixturePath("cheetah.png"), { model: MODEL });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
      expect(caption).toBe((recorded.body as { generated_text: string }[])[0]!.generated_text);
      expect(caption).toBe("a large brown and white giraffe standing in a field ");
    });

    it("sends a Blob's bytes with the Blob's type", async () => {
      await imageToText(client(), new Blob([new Uint8Array(cheetah)], { type: "image/webp" }), { model: MODEL });
      const request = server.last();
      expect(request.headers["content-type"]).toBe("image/webp");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("is a method after client.with(imageToText)", async () => {
      server.answerNext({ json: [{ generated_text: "a cheetah" }, { generated_text: "a cat" }] });
      const caption = await client().with(imageToText).imageToText(cheetah, { model: MODEL });
      expect(caption).toBe("a cheetah");
      expect(imageToText.taskName).toBe("image-to-text");
      expect(imageToText.methodName).toBe("imageToText");
    });

    it("rejects a plain object with InferenceInputError naming `image`, before any request", async () => {
      const before = server.requests.length;
      await expect(
        imageToText(client(), { path: "cheetah.png" } as unknown as Uint8Array, { model: MODEL }),
      ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === "image");
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: { generated_text: "not in a list" } });
      const error = await imageToText(client(), cheetah, { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ generated_text: "not in a list" });
    });
  });
});
