import { dirname } from "node:path";
import { createClient, InferenceInputError, InferenceOutputError, type BinaryInput } from "@infer/core";
import { fixtureBytes, fixturePath, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { zeroShotImageClassification } from "./index.js";

const model = "openai/clip-vit-large-patch14-336";
const recorded = tapeJson(model);
const cheetah = fixtureBytes("cheetah.png");
const labels = ["animal", "toy", "car"];
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-zero-shot-image-classification", () => {
  describe("zeroShotImageClassification", () => {
    it("sends {image: base64, parameters: {candidate_labels}} to /models/{model} and returns the recorded answer", async () => {
      const result = await zeroShotImageClassification(client(), new Uint8Array(cheetah), labels, { model });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({
        image: cheetah.toString("base64"),
        parameters: { candidate_labels: "animal,toy,car" },
      });
      expect(result).toEqual(recorded.body);
      expect(result[0]).toEqual({ label: "animal", score: expect.any(Number) as number });
    });

    it.each<[string, () => BinaryInput]>([
      ["a path", () => fixturePath("cheetah.png")],
      ["a Blob", () => new Blob([new Uint8Array(cheetah)], { type: "image/png" })],
      ["an ArrayBuffer", () => new Uint8Array(cheetah).buffer],
    ])("sends the exact base64 of the image given as %s", async (_kind, input) => {
      await zeroShotImageClassification(client(), input(), labels, { model });
      expect((server.last().json() as { image: string }).image).toBe(cheetah.toString("base64"));
    });

    it("is a method after client.with(zeroShotImageClassification)", async () => {
      const result = await client()
        .with(zeroShotImageClassification)
        .zeroShotImageClassification(new Uint8Array(cheetah), labels, { model });
      expect(result).toHaveLength(3);
      expect(zeroShotImageClassification.taskName).toBe("zero-shot-image-classification");
      expect(zeroShotImageClassification.methodName).toBe("zeroShotImageClassification");
    });

    it.each([
      ["labels", "one label", ["animal"]],
      ["labels", "no labels", []],
      ["labels", "labels that are not an array", "animal,toy"],
      ["labels", "a label that is not a string", ["animal", 3]],
      ["labels", "a label with a comma", ["animal", "toy, car"]],
      ["labels", "an empty label", ["animal", " "]],
      ["image", "a missing file", ["animal", "toy"], `${fixturePath("cheetah.png")}.missing`],
      ["image", "a directory", ["animal", "toy"], dirname(fixturePath("cheetah.png"))],
      ["image", "an unsupported image value", ["animal", "toy"], 42],
    ])(
      "rejects %s: %s, before any request",
      async (argument, _kind, badLabels, image: unknown = new Uint8Array(cheetah)) => {
        const before = server.requests.length;
        await expect(
          zeroShotImageClassification(client(), image as BinaryInput, badLabels as string[], { model }),
        ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
        expect(server.requests.length).toBe(before);
      },
    );

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: { labels: ["animal"], scores: [1] } });
      const error = await zeroShotImageClassification(client(), new Uint8Array(cheetah), labels, { model }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual({ labels: ["animal"], scores: [1] });
    });
  });
});
