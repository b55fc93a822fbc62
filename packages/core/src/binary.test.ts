import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { fixtureBytes, fixturePath, sendJson, startServer, type TestServer } from "@infer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InferenceInputError, readBinary, type BinaryInput } from "./index.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, { ok: true }));
});
afterAll(() => server.close());

const client = () => createClient({ endpoint: server.url, token: false, retry: false });
const flac = fixtureBytes("sample1.flac");

async function received(data: BinaryInput): Promise<{ body: Buffer; type: unknown }> {
  await client().post({ model: "m", data, dataArgument: "audio" });
  const request = server.requests.at(-1)!;
  return { body: request.body, type: request.headers["content-type"] };
}

describe("binary inputs", () => {
  const kinds: [string, () => BinaryInput][] = [
    ["Uint8Array", () => new Uint8Array(flac)],
    ["Buffer", () => flac],
    ["ArrayBuffer", () => flac.buffer.slice(flac.byteOffset, flac.byteOffset + flac.byteLength) as ArrayBuffer],
    ["DataView", () => new DataView(flac.buffer, flac.byteOffset, flac.byteLength)],
    ["Blob", () => new Blob([flac])],
    ["ReadableStream", () => new Blob([flac]).stream()],
    ["Node Readable", () => createReadStream(fixturePath("sample1.flac"))],
    ["async iterable", () => Readable.from([flac.subarray(0, 1000), flac.subarray(1000)])],
    ["path", () => fixturePath("sample1.flac")],
    ["file URL string", () => pathToFileURL(fixturePath("sample1.flac")).href],
    ["file URL", () => pathToFileURL(fixturePath("sample1.flac"))],
  ];

  it.each(kinds)("sends the exact bytes of a %s", async (_kind, make) => {
    const { body } = await received(make());
    expect(body.equals(flac)).toBe(true);
  });

  it("types a path's body from its extension and a Blob's from its type, and nothing else", async () => {
    expect((await received(fixturePath("sample1.flac"))).type).toBe("audio/flac");
    expect((await received(new Blob([flac], { type: "audio/x-custom" }))).type).toBe("audio/x-custom");
    expect((await received(flac)).type).toBeUndefined();
  });

  it("streams a path with its Content-Length", async () => {
    await client().post({ model: "m", data: fixturePath("cheetah.png") });
    const request = server.requests.at(-1)!;
    expect(request.headers["content-length"]).toBe(String(fixtureBytes("cheetah.png").byteLength));
    expect(request.body.equals(fixtureBytes("cheetah.png"))).toBe(true);
  });

  const bad: [string, unknown, RegExp][] = [
    ["a missing file", "/no/such/file.flac", /no such file/],
    ["a directory", tmpdir(), /directory/],
    ["a number", 42, /got number/],
    ["a plain object", { bytes: 1 }, /got Object/],
    ["null", null, /got null/],
  ];

  it.each(bad)(
    "rejects %s with InferenceInputError naming the argument, sending nothing",
    async (_kind, value, message) => {
      const before = server.requests.length;
      const error = await client()
        .post({ model: "m", data: value as BinaryInput, dataArgument: "audio" })
        .catch((caught: unknown) => caught);
      expect(InferenceInputError.isInstance(error)).toBe(true);
      expect((error as InferenceInputError).argument).toBe("audio");
      expect((error as Error).message).toMatch(message);
      expect(server.requests.length).toBe(before);
    },
  );

  it("reads any input whole with readBinary()", async () => {
    const folder = mkdtempSync(join(tmpdir(), "infer-binary-"));
    const path = join(folder, "x.bin");
    writeFileSync(path, new Uint8Array([9, 8, 7]));
    expect([...(await readBinary(client(), path, "image"))]).toEqual([9, 8, 7]);
    expect([...(await readBinary(client(), new Blob([new Uint8Array([1, 2])]), "image"))]).toEqual([1, 2]);
    await expect(readBinary(client(), folder, "image")).rejects.toMatchObject({
      name: "InferenceInputError",
      argument: "image",
    });
  });

  it("rejects a URL input that cannot be downloaded with InferenceInputError", async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const refused = await client()
      .post({ model: "m", data: `${url}/x.png`, dataArgument: "image" })
      .catch((caught: unknown) => caught);
    expect(InferenceInputError.isInstance(refused) && refused.argument).toBe("image");
  });
});
