import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "./demo.js";

describe("infer demo", () => {
  it("calls every served task on the local server, streams the generation, writes audio and images, and stops", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "infer-demo-"));
    try {
      let output = "";
      await runDemo((text) => (output += text), { outDir });
      expect(output).toMatch(/local inference server at http:\/\/127\.0\.0\.1:\d+/);
      expect(output).not.toContain("failed:");
      expect(output).toMatch(/→ POSITIVE 0\.\d{3} {2}NEGATIVE/);
      expect(output).toMatch(/→ NEGATIVE 0\.\d{3} {2}POSITIVE/);
      expect(output).toContain("Barack Obama [PER]");
      expect(output).toContain("species: setosa, versicolor, virginica");
      expect(output).toMatch(/The Fox saw the grapes.+\n {3}\(40 tokens, \d+\.\d{2} s\)/);
      expect(output).toContain("| East Repair Inc.");
      expect(output).toMatch(/→ \d+ × person/);
      const wav = readFileSync(join(outDir, "speech.wav"));
      expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
      expect(readFileSync(join(outDir, "detections.png")).subarray(1, 4).toString()).toBe("PNG");
      expect(output).toMatch(/person 0\.\d{3} → .+mask-0-person\.png/);
      expect(readFileSync(join(outDir, "mask-0-person.png")).subarray(1, 4).toString()).toBe("PNG");
      expect(output).toMatch(/portrait-x2\.png \(304×312\)/);
      expect(output).toMatch(/1 s of silence → no_speech/);
      expect(output).toMatch(/Done in \d+\.\d{2} s; the server is stopped\.\n$/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 420_000);
});
