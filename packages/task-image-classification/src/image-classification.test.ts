import { createReadStream } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient, InferenceInputError, InferenceOutputError, type BinaryInput } from "@infer/core";
import { fixtureBytes, fixturePath, sendBytes, sendJson, tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { imageClassification } from "./index.js";

const MODEL = "google/vit-base-patch16-224";
const recorded = tapeJson(MODEL);
const cheetah = fixtureBytes("cheetah.png");
const cheetahPath = fixturePath("cheetah.png");
const server = useTaskServer({ json: recorded.body });
// Another origin, where images are downloaded from: only its own handler answers there.
const downloads = useTaskServer((request, response) => {
  if (request.url === "/cheetah.png") sendBytes(response, cheetah, "image/png");
  else sendJson(response, { error: "not found" }, 404);
});

const client = () => createClient(server.clientOptions());

/** Sends `image`, answers the recorded labels, and returns the request the server received. */
async function classify(image: BinaryInput) {
  const before = server.requests.length;
  const labels = await imageClassification(client(), image, { model: MODEL });
  expect(server.requests.length).toBe(before + 1);
  expect(labels).toEqual(recorded.body);
  return server.last();
}

function twoChunks(): [Uint8Array, Uint8Array] {
  const middle = Math.floor(cheetah.byteLength / 2);
  return [new Uint8Array(cheetah.subarray(0, middle)), new Uint8Array(cheetah.subarray(middle))];
}

describe("@infer/task-image-classification", () => {
  describe("imageClassification", () => {
    it("posts the raw image to /models/{model} with the token and returns the recorded labels as is", async () => {
      const request = await classify(new Uint8Array(cheetah));
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/models/${MODEL}`);
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body.equals(cheetah)).toBe(true);
      expect((recorded.body as { label: string }[])[0]?.label).toBe("cheetah, chetah, Acinonyx jubatus");
    });

    it("sends a Buffer's bytes", async () => {
      const request = await classify(Buffer.from(cheetah));
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends an ArrayBuffer's bytes", async () => {
      const buffer = new ArrayBuffer(cheetah.byteLength);
      new Uint8Array(buffer).set(cheetah);
      const request = await classify(buffer);
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends only the viewed bytes of a Uint8Array over a larger buffer", async () => {
      const padded = new Uint8Array(cheetah.byteLength + 16);
      padded.set(cheetah, 8);
      const request = await classify(padded.subarray(8, 8 + cheetah.byteLength));
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends a Blob's bytes with the Blob's type as Content-Type", async () => {
      const request = await classify(new Blob([new Uint8Array(cheetah)], { type: "image/png" }));
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends a ReadableStream's chunks joined", async () => {
      const [first, second] = twoChunks();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(first);
          controller.enqueue(second);
          controller.close();
        },
      });
      const request = await classify(stream);
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends an async iterable's chunks joined", async () => {
      const [first, second] = twoChunks();
      async function* chunks() {
        yield first;
        yield second;
      }
      const request = await classify(chunks());
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("sends a Node Readable (fs.createReadStream) whole", async () => {
      const request = await classify(createReadStream(cheetahPath, { highWaterMark: 4096 }));
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("streams a path from disk with Content-Type from its extension and its size as Content-Length", async () => {
      const request = await classify(cheetahPath);
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.headers["content-length"]).toBe(String(cheetah.byteLength));
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("reads a file: URL string", async () => {
      const request = await classify(pathToFileURL(cheetahPath).href);
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("reads a file: URL object", async () => {
      const request = await classify(pathToFileURL(cheetahPath));
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("downloads an http URL without the token, then sends its bytes with the token", async () => {
      const before = downloads.requests.length;
      const request = await classify(`${downloads.url}/cheetah.png`);
      expect(downloads.requests.length).toBe(before + 1);
      const download = downloads.last();
      expect(download.method).toBe("GET");
      expect(download.headers["authorization"]).toBeUndefined();
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.headers["content-type"]).toBe("image/png");
      expect(request.body.equals(cheetah)).toBe(true);
    });

    it("downloads an http URL object too", async () => {
      const request = await classify(new URL("/cheetah.png", downloads.url));
      expect(downloads.last().headers["authorization"]).toBeUndefined();
      expect(request.body.equals(cheetah)).toBe(true);
    });

    const invalid: [string, () => unknown][] = [
      ["a missing file", () => join(dirname(cheetahPath), "no-such-image.png")],
      ["a directory", () => dirname(cheetahPath)],
      ["a number", () => 42],
      ["a plain object", () => ({ image: "cheetah.png" })],
      ["null", () => null],
      ["undefined", () => undefined],
      ["a URL that cannot be downloaded", () => `${downloads.url}/missing.png`],
    ];
    for (const [kind, make] of invalid) {
      it(`rejects ${kind} with InferenceInputError naming \`image\`, before any inference request`, async () => {
        const before = server.requests.length;
        const error = await imageClassification(client(), make() as BinaryInput, { model: MODEL }).catch(
          (caught: unknown) => caught,
        );
        expect(InferenceInputError.isInstance(error)).toBe(true);
        expect((error as InferenceInputError).argument).toBe("image");
        expect(server.requests.length).toBe(before);
      });
    }

    it("keeps fields it does not read", async () => {
      server.answerNext({ json: [{ label: "cheetah", score: 0.9, rank: 1 }] });
      const labels = await imageClassification(client(), new Uint8Array(cheetah), { model: MODEL });
      expect(labels).toEqual([{ label: "cheetah", score: 0.9, rank: 1 }]);
    });

    it("is a method after client.with(imageClassification)", async () => {
      const labels = await client().with(imageClassification).imageClassification(cheetahPath, { model: MODEL });
      expect(labels).toHaveLength((recorded.body as unknown[]).length);
      expect(imageClassification.taskName).toBe("image-classification");
      expect(imageClassification.methodName).toBe("imageClassification");
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [[{ label: "cheetah", score: 0.9 }]] });
      const error = await imageClassification(client(), new Uint8Array(cheetah), { model: MODEL }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([[{ label: "cheetah", score: 0.9 }]]);
    });
  });
});
