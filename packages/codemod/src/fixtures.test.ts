import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { transformSource } from "./index.js";

const fixtures = new URL("./__fixtures__/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), "utf8");
const pairs = readdirSync(fixtures)
  .filter((name) => name.includes(".input."))
  .map((input) => ({ input, output: input.replace(".input.", ".output.") }));
const skipped = readdirSync(new URL("skipped/", fixtures)).map((name) => {
  const source = read(`skipped/${name}`);
  return { name, source, expected: source.split("\n")[0]!.replace("// expect: ", "") };
});

describe("@infer/codemod", () => {
  describe("transformSource, fixtures", () => {
    it("has fixtures of both kinds", () => {
      expect(pairs.length).toBeGreaterThanOrEqual(7);
      expect(skipped.length).toBeGreaterThanOrEqual(10);
    });

    it.each(pairs)("rewrites $input to $output", ({ input, output }) => {
      const result = transformSource(read(input), input);
      expect(result).toEqual({ kind: "changed", output: read(output) });
    });

    it.each(pairs)("leaves its own output $output unchanged", ({ output }) => {
      expect(transformSource(read(output), output)).toEqual({ kind: "unchanged" });
    });

    it.each(skipped)("lists skipped/$name as unsafe, saying why", ({ name, source, expected }) => {
      const result = transformSource(source, name);
      expect(result.kind).toBe("skipped");
      expect(result.kind === "skipped" && result.reason).toContain(expected);
    });
  });
});
