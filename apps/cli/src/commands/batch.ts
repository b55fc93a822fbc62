import type { Command } from "commander";
import type { BatchCommandOptions } from "./batch-run.js";

/** `infer batch`: registered here, run from ./batch-run.js, loaded (with @infer/batch and BullMQ) only when used. */
export function registerBatchCommand(program: Command): void {
  program
    .command("batch")
    .description(
      "Run a task over every row of a JSONL or CSV file into a JSONL output; run it again with the same arguments to resume.",
    )
    .argument("<task>", 'the task, e.g. "text-classification"')
    .requiredOption("--input <path>", 'rows: JSONL {"id","inputs","parameters"?} or CSV')
    .requiredOption(
      "--output <path>",
      'results, JSONL {"id","output"} or {"id","error":{"name","message"}}; also the checkpoint',
    )
    .option("--model <model>", "a Hub model id, or an endpoint URL used as is")
    .option("--concurrency <n>", "rows in flight at once", "8")
    .option("--rps <r>", "most requests started per second")
    .option("--endpoint <url...>", "base URL(s); several replicas are spread with undici's BalancedPool")
    .option("--order <order>", '"completed" (as rows finish) or "input" (in input order)', "completed")
    .option("--format <format>", '"jsonl" or "csv" (default: from the extension)')
    .option("--id-field <name>", "the id field or column", "id")
    .option("--input-field <name>", "the input field or column", "inputs")
    .option("--attempts <n>", "tries of a row meeting 429/503, a dropped connection or a timeout", "5")
    .option("--timeout <ms>", "milliseconds per request")
    .option(
      "--provider <name>",
      'who serves the rows: "auto", "hf-inference" or a provider\'s name (with --redis, give it to `infer worker`)',
    )
    .option("--redis <url>", "run through a BullMQ queue on this Redis instead of here (workers: `infer worker`)")
    .option("--queue <name>", "the queue's name, with --redis", "infer-batch")
    .action(async (task: string, options: BatchCommandOptions) => {
      const { batchCommand } = await import("./batch-run.js");
      process.exitCode = await batchCommand(task, options);
    });
}
