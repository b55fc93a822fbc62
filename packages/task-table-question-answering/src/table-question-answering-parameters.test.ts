import { createClient } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tableQuestionAnswering, type TableQuestionAnsweringParameters } from "./index.js";

const model = "google/tapas-base-finetuned-wtq";
const recorded = tapeJson(`/models/${model}`);
const { query, table } = (
  JSON.parse(recorded.tape.init.body!) as { inputs: { query: string; table: Record<string, string[]> } }
).inputs;
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

describe("@infer/task-table-question-answering", () => {
  describe("tableQuestionAnswering parameters", () => {
    it.each<[keyof TableQuestionAnsweringParameters, string, unknown]>([
      ["padding", "padding", "max_length"],
      ["sequential", "sequential", true],
      ["truncation", "truncation", false],
    ])("sends %s as %s under parameters, beside query and table", async (name, wireName, value) => {
      const result = await tableQuestionAnswering(client(), table, query, { model, [name]: value });
      const request = server.last();
      expect(request.url).toBe(`/models/${model}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.json()).toEqual({ query, table, parameters: { [wireName]: value } });
      expect(result).toEqual(recorded.body);
    });

    it("sends several parameters together", async () => {
      await tableQuestionAnswering(client(), table, query, {
        model,
        padding: "longest",
        sequential: false,
        truncation: true,
      });
      expect(server.last().json()).toEqual({
        query,
        table,
        parameters: { padding: "longest", sequential: false, truncation: true },
      });
    });

    it("sends no parameters when none is set, an explicit undefined included", async () => {
      await tableQuestionAnswering(client(), table, query, { model, sequential: undefined });
      expect(server.last().json()).toEqual({ query, table });
    });

    it.each<[keyof TableQuestionAnsweringParameters, unknown[]]>([
      ["padding", ["pad", "do_not_truncate", true, null]],
      ["sequential", ["true", 1, null]],
      ["truncation", ["drop_rows_to_fit", "longest_first", 1, null]],
    ])("rejects a bad %s, naming it under options, before any request", async (name, values) => {
      for (const value of values) {
        await server.expectInputError(
          () => tableQuestionAnswering(client(), table, query, { model, [name]: value }),
          `options.${name}`,
        );
      }
    });
  });
});
