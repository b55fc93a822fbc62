import { createReadStream } from "node:fs";
import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { findTapes, fixtureBytes, fixturePath } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { objectDetection } from "./index.js";

const MODEL = "facebook/detr-resnet-50";
// "facebook/detr-resnet-50" is also a prefix of the panoptic model's URL: pick the exact one.
const tape = findTapes(`/models/${MODEL}`).find((candidate) => candidate.url.endsWith(`/models/${MODEL}`))!;
const recorded = { tape, body: JSON.parse(tape.response.body) as unknown };
const cheetah = fixtureBytes("cheetah.png");
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-object-detection", () => {
  describe("objectDetection", () => {
    it("streams a path as the raw body to /models/{model}, typed image/png, and returns the recorded objects as is", async () => {
      const objects = await objectDetection(client(), fixturePath("cheetah.png"), { model: MODEL });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
      expect(objects).toEqual(recorded.body);
      expect(objects[0]).toEqual({
        score: 0.9957962036132812,
        label: "cat",
        box: { xmin: 506, ymin: 233, xmax: 629, ymax: 405 },
      });
    });

    it("sends a Node Readable's bytes", async () => {
      await objectDetection(client(), createReadStream(fixturePath("cheetah.png")), { model: MODEL });
      expect(server.last().body.equals(cheetah)).toBe(true);
    });

    it("is a method after client.with(objectDetection)", async () => {
      const objects = await client().with(objectDetection).objectDetection(cheetah, { model: MODEL });
      expect(objects).toHaveLength((recorded.body as unknown[]).length);
      expect(objectDetection.taskName).toBe("object-detection");
      expect(objectDetection.methodName).toBe("objectDetection");
    });

    it("rejects a missing file with InferenceInputError naming `image`, before any request", async () => {
      const before = server.requests.length;
      await expect(objectDetection(client(), "/no/such/cats.png", { model: MODEL })).rejects.toSatisfy(
        (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "image",
      );
      expect(server.requests.length).toBe(before);
    });

    it("rejects an object without a complete box with InferenceOutputError carrying the body", async () => {
      const body = [{ label: "cat", score: 0.9, box: { xmin: 1, ymin: 2, xmax: 3 } }];
      server.answerNext({ json: body });
      const error = await objectDetection(client(), cheetah, { model: MODEL }).catch((caught: unknown) => caught);
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual(body);
    });
  });
});
