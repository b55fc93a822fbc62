import { describe, expect, it } from "vitest";
import { transformSource } from "./index.js";

const legacy = (body: string, imports = 'import { InferenceApi } from "@infer/compat";') => `${imports}\n${body}`;
const rewrite = (source: string, fileName = "file.ts") => {
  const result = transformSource(source, fileName);
  if (result.kind !== "changed") throw new Error(`expected a rewrite, got ${JSON.stringify(result)}`);
  return result.output;
};

describe("@infer/codemod", () => {
  describe("transformSource", () => {
    it("leaves a file without InferenceApi alone, even one that does not parse", () => {
      expect(transformSource('import { InferenceClient } from "@infer/inference";\n', "a.ts")).toEqual({
        kind: "unchanged",
      });
      expect(transformSource("const = ;", "a.js")).toEqual({ kind: "unchanged" });
    });

    it("skips a legacy file that does not parse", () => {
      const result = transformSource(
        legacy('const inference = new InferenceApi("gpt2", { task: "fill-mask" }\n'),
        "a.ts",
      );
      expect(result.kind === "skipped" && result.reason).toMatch(/does not parse/);
    });

    it("drops null or undefined params, and keeps a shadowing variable of the same name untouched", () => {
      const output = rewrite(
        legacy(`const inference = new InferenceApi("m", { task: "fill-mask" });
await inference("a [MASK]", null);
function other(inference: (text: string) => string) { return inference("x"); }
`),
      );
      expect(output).toContain('await inference.fillMask("a [MASK]");');
      expect(output).toContain('return inference("x");');
    });

    it("rewrites answers nested in another call's inputs", () => {
      const output = rewrite(
        legacy(`const generator = new InferenceApi("gpt2", { task: "text-generation" });
const sentiment = new InferenceApi("distilbert", { task: "text-classification" });
const labels = await sentiment((await generator("Once", { max_new_tokens: 5 }))[0].generated_text);
console.log(labels[0][0].label);
`),
      );
      expect(output).toContain(
        'await sentiment.textClassification(await generator.textGeneration("Once", { maxNewTokens: 5 }));',
      );
      expect(output).toContain("console.log(labels[0].label);");
    });

    it("keeps parentheses an await still needs", () => {
      const output = rewrite(
        legacy(`const translator = new InferenceApi("t5-base", { task: "translation" });
const length = (await translator("Hallo"))[0].translation_text.length;
`),
      );
      expect(output).toContain('const length = (await translator.translation("Hallo")).length;');
    });

    it("uses a single `var` or `let` too, and keeps client options", () => {
      const output = rewrite(
        legacy(`let api = new InferenceApi(process.env.MODEL!, { task: "feature-extraction", token: false, hubEndpoint: "http://hub", endpoint });
console.log(await api(["a", "b"]));
`),
      );
      expect(output).toContain(
        'let api = new InferenceClient({ model: process.env.MODEL!, token: false, hubEndpoint: "http://hub", endpoint });',
      );
      expect(output).toContain('console.log(await api.featureExtraction(["a", "b"]));');
    });

    it("joins an existing InferenceClient import instead of adding a second one", () => {
      const output = rewrite(
        legacy(
          `const api = new InferenceApi("m", { task: "text-to-speech" });
const audio = await api("hello");
const other = new InferenceClient();
`,
          'import { InferenceApi } from "@infer/compat";\nimport { InferenceClient } from "@infer/inference";',
        ),
      );
      expect(
        output.startsWith(
          'import { InferenceClient } from "@infer/inference";\nconst api = new InferenceClient({ model: "m" });',
        ),
      ).toBe(true);
    });

    it("skips a file where the name InferenceClient means something else", () => {
      const result = transformSource(
        legacy(`class InferenceClient {}\nconst api = new InferenceApi("m", { task: "fill-mask" });\n`),
        "a.ts",
      );
      expect(result.kind === "skipped" && result.reason).toContain("InferenceClient is already used");
    });

    it("skips InferenceApi used as a type, and a construction not assigned to a variable", () => {
      const asType = transformSource(legacy(`let api: InferenceApi | undefined;\n`), "a.ts");
      expect(asType.kind === "skipped" && asType.reason).toContain("used other than in `new InferenceApi(...)`");
      const asField = transformSource(
        legacy(`class Service { api = new InferenceApi("m", { task: "fill-mask" }); }\n`),
        "a.ts",
      );
      expect(asField.kind === "skipped" && asField.reason).toContain("not assigned to a variable");
    });

    it("skips zero-shot classification without candidate labels, and a reassigned variable", () => {
      const noLabels = transformSource(
        legacy(`const api = new InferenceApi("m", { task: "zero-shot-classification" });\nawait api("text");\n`),
        "a.ts",
      );
      expect(noLabels.kind === "skipped" && noLabels.reason).toContain("requires candidate_labels");
      const reassigned = transformSource(
        legacy(`let api = new InferenceApi("m", { task: "fill-mask" });\napi = api;\n`),
        "a.ts",
      );
      expect(reassigned.kind).toBe("skipped");
    });

    it("reads JSX files", () => {
      const output = rewrite(
        legacy(`const api = new InferenceApi("m", { task: "fill-mask" });
const candidates = await api("a [MASK]");
export const View = () => <p className="best">{candidates[0]?.token_str}</p>;
`),
        "view.jsx",
      );
      expect(output).toContain(
        'const candidates = await api.fillMask("a [MASK]");\nexport const View = () => <p className="best">',
      );
    });

    it("skips a joined import whose InferenceClient is shadowed where a client is built", () => {
      const result = transformSource(
        legacy(
          `function make() { const InferenceClient = 1; const api = new InferenceApi("m", { task: "fill-mask" }); return InferenceClient; }\n`,
          'import { InferenceApi } from "@infer/compat";\nimport { InferenceClient } from "@infer/inference";',
        ),
        "a.ts",
      );
      expect(result.kind === "skipped" && result.reason).toContain("InferenceClient is already used");
    });
  });
});
