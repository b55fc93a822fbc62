import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createClient } from "./index.js";

describe("InferenceCore", () => {
  describe("inspect", () => {
    it("never shows the token, neither of a client nor of one made by with()", () => {
      const client = createClient({ token: "hf_inspectSecret123", model: "gpt2" });
      const derived = client.with();
      for (const shown of [inspect(client, { depth: 10 }), inspect(derived, { depth: 10 }), JSON.stringify(client)]) {
        expect(shown).not.toContain("hf_inspectSecret123");
      }
      expect(inspect(client)).toMatch(/^CoreClient/);
      expect(client.options.token).toBe("hf_inspectSecret123");
    });
  });
});
