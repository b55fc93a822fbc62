import { createClient, InferenceInputError, InferenceOutputError } from "@infer/core";
import { tapeJson } from "@infer/testing";
import { useTaskServer } from "@infer/testing/vitest";
import { describe, expect, it } from "vitest";
import { tableQuestionAnswering, type TableQuestionAnsweringTable } from "./index.js";

const recorded = tapeJson("/models/google/tapas-base-finetuned-wtq");
const { query, table } = (
  JSON.parse(recorded.tape.init.body!) as { inputs: { query: string; table: Record<string, string[]> } }
).inputs;
const server = useTaskServer({ json: recorded.body });

const client = () => createClient(server.clientOptions());

async function expectInputError(badTable: unknown, badQuery: unknown, argument: string): Promise<void> {
  await expect(
    tableQuestionAnswering(client(), badTable as TableQuestionAnsweringTable, badQuery as string, { model: "m" }),
  ).rejects.toSatisfy((error: unknown) => InferenceInputError.isInstance(error) && error.argument === argument);
}

describe("@infer/task-table-question-answering", () => {
  describe("tableQuestionAnswering", () => {
    it("sends {query, table} at the top level to /models/{model} and returns the recorded answer as is", async () => {
      const result = await tableQuestionAnswering(client(), table, query, { model: "google/tapas-base-finetuned-wtq" });
      const request = server.last();
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/models/google/tapas-base-finetuned-wtq");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({ query, table });
      expect(result).toEqual(recorded.body);
      expect(result).toMatchObject({
        answer: "AVERAGE > 36542",
        coordinates: [[0, 1]],
        cells: ["36542"],
        aggregator: "AVERAGE",
      });
    });

    it("sends numbers and booleans as strings", async () => {
      await tableQuestionAnswering(
        client(),
        { Stars: [36542, 4512.5], Archived: [false, true] },
        "Which is archived?",
        { model: "m" },
      );
      expect(server.last().json()).toEqual({
        query: "Which is archived?",
        table: { Stars: ["36542", "4512.5"], Archived: ["false", "true"] },
      });
    });

    it("keeps fields it does not know", async () => {
      const body = { answer: "Python", coordinates: [[0, 3]], cells: ["Python"], aggregator: "NONE", extra: 1 };
      server.answerNext({ json: body });
      const result = await tableQuestionAnswering(client(), table, "Which language?", { model: "m" });
      expect(result).toEqual(body);
    });

    it("is a method after client.with(tableQuestionAnswering)", async () => {
      const result = await client().with(tableQuestionAnswering).tableQuestionAnswering(table, query, { model: "m" });
      expect(result.cells).toEqual(["36542"]);
      expect(tableQuestionAnswering.taskName).toBe("table-question-answering");
      expect(tableQuestionAnswering.methodName).toBe("tableQuestionAnswering");
    });

    it("rejects a table that is not an object of columns, or a missing query, before any request", async () => {
      const before = server.requests.length;
      await expectInputError([["a"]], query, "table");
      await expectInputError(null, query, "table");
      await expectInputError({}, query, "table");
      await expectInputError({ Repository: [], Stars: [] }, query, "table");
      await expectInputError(table, "", "query");
      expect(server.requests.length).toBe(before);
    });

    it("names the column at fault: not an array, a different length, or a cell that is not plain", async () => {
      const before = server.requests.length;
      await expectInputError({ Repository: ["Transformers"], Stars: "36542" }, query, "table.Stars");
      await expectInputError({ Repository: ["Transformers", "Datasets"], Stars: ["36542"] }, query, "table.Stars");
      await expectInputError(
        { Repository: ["Transformers"], "Programming language": [null] },
        query,
        'table["Programming language"][0]',
      );
      await expectInputError({ Stars: [1, Number.NaN] }, query, "table.Stars[1]");
      expect(server.requests.length).toBe(before);
    });

    it("rejects an answer of another shape with InferenceOutputError carrying the body", async () => {
      server.answerNext({ json: [{ answer: "36542" }] });
      const error = await tableQuestionAnswering(client(), table, query, { model: "m" }).catch(
        (caught: unknown) => caught,
      );
      expect(InferenceOutputError.isInstance(error)).toBe(true);
      expect((error as InferenceOutputError).body).toEqual([{ answer: "36542" }]);
    });
  });
});
