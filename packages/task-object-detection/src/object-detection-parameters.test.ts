import { createClient } from "@infer/core";
import { findTapes, fixtureBytes, fixturePath } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { objectDetection } from "./index.js";

const recorded: unknown = JSON.parse(
  findTapes("/models/facebook/detr-resnet-50").find((tape) => tape.url.endsWith("/models/facebook/detr-resnet-50"))!
    .response.body,
);
const server = useTaskServer({ json: recorded });

const client = () => createClient(server.clientOptions());

describe("@infer/task-object-detection", () => {
  describe("objectDetection parameters", () => {
    it("sends the parameters snake_case and returns the answer", async () => {
      const output = await objectDetection(client(), fixturePath("cheetah.png"), {
        model: "facebook/detr-resnet-50",
        ...{ threshold: 0.9 },
      });
      const request = server.last();
      expect(request.url).toBe("/models/facebook/detr-resnet-50");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({
        inputs: fixtureBytes("cheetah.png").toString("base64"),
        parameters: { threshold: 0.9 },
      });
      expect(output).toEqual(recorded);
    });

    it("sends the raw body when no parameter is set, an explicit undefined included", async () => {
      await objectDetection(client(), fixturePath("cheetah.png"), {
        model: "facebook/detr-resnet-50",
        threshold: undefined,
      });
      const request = server.last();
      expect(request.headers["content-type"]).not.toBe("application/json");
      expect(Buffer.from(request.body).equals(fixtureBytes("cheetah.png"))).toBe(true);
    });

    it("rejects a bad threshold naming options.threshold, before any request", async () => {
      await server.expectInputError(
        () =>
          objectDetection(client(), fixturePath("cheetah.png"), {
            model: "facebook/detr-resnet-50",
            ...{ threshold: 1.5 },
          }),
        "options.threshold",
      );
    });
  });
});
