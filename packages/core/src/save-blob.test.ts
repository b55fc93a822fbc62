import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InferenceInputError, saveBlob } from "./index.js";

const folder = () => mkdtempSync(join(tmpdir(), "infer-save-"));

/** A Blob whose stream fails after its first chunk, like a download cut off half-way. */
function failingBlob(): Blob {
  const blob = new Blob([new Uint8Array([1, 2, 3])]);
  return Object.assign(blob, {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([9, 9, 9]));
          controller.error(new Error("connection lost"));
        },
      }),
  });
}

describe("saveBlob", () => {
  it("writes a Blob's bytes to the path", async () => {
    const path = join(folder(), "image.png");
    await saveBlob(new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), path);
    expect([...readFileSync(path)]).toEqual([137, 80, 78, 71]);
  });

  it("replaces an existing file whole", async () => {
    const path = join(folder(), "audio.flac");
    writeFileSync(path, "old content that is longer");
    await saveBlob(new Uint8Array([1, 2]), path);
    expect([...readFileSync(path)]).toEqual([1, 2]);
  });

  it("leaves an existing file untouched and no temporary file behind when writing fails", async () => {
    const directory = folder();
    const path = join(directory, "keep.png");
    writeFileSync(path, "precious");
    await expect(saveBlob(failingBlob(), path)).rejects.toThrow("connection lost");
    expect(readFileSync(path, "utf8")).toBe("precious");
    expect(readdirSync(directory)).toEqual(["keep.png"]);
  });

  it("rejects an empty path with InferenceInputError", async () => {
    await expect(saveBlob(new Uint8Array([1]), "")).rejects.toSatisfy(
      (error: unknown) => InferenceInputError.isInstance(error) && error.argument === "path",
    );
  });
});
