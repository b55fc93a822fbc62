import { UsageError } from "../errors.js";
import { binaryInput } from "../io/input.js";
import { printJson } from "../io/json.js";
import { checkBinaryTarget, writeBinary } from "../io/output.js";
import { startActivity } from "./activity.js";
import { createClient, prettyOutput, type CommonOptions } from "./common.js";
import { onInterrupt } from "./interrupt.js";

interface PostOptions extends CommonOptions {
  json?: never;
  data?: string;
  task?: string;
  output?: string;
  force?: boolean;
}

export async function runPost(options: Record<string, unknown>): Promise<void> {
  const {
    json: body,
    data,
    task,
    output,
    force,
    ...common
  } = options as Omit<PostOptions, "json"> & { json?: Record<string, unknown> };
  if (body === undefined && data === undefined)
    throw new UsageError("--json", "give a JSON body with --json, or a raw body with --data");
  if (body !== undefined && data !== undefined) throw new UsageError("--data", "give --json or --data, not both");
  if (output !== undefined && output !== "-") await checkBinaryTarget({ output, force: force === true }, "the answer");
  const request: Record<string, unknown> =
    body !== undefined ? { json: body } : { data: await binaryInput(data!, "--data"), dataArgument: "--data" };
  if (task !== undefined) request["task"] = task;
  const pretty = prettyOutput({});
  const interrupt = onInterrupt();
  const activity = await startActivity(`post${common.model ? ` (${common.model})` : ""}`);
  try {
    const client = await createClient(common, interrupt.signal);
    const response = await client.post(request);
    const type = response.headers.get("content-type") ?? "";
    if (output !== undefined) {
      const blob = await response.blob();
      activity.stop();
      return await writeBinary(blob, { output, force: force === true }, pretty, interrupt.signal);
    }
    if (/json/i.test(type)) {
      const value: unknown = await response.json();
      activity.stop();
      return printJson(value, pretty);
    }
    if (/^text\//i.test(type)) {
      const text = await response.text();
      activity.stop();
      process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
      return;
    }
    const blob = await response.blob();
    activity.stop();
    if (process.stdout.isTTY)
      throw new UsageError(
        "-o",
        `the answer is binary (${type || "no content type"}, ${blob.size} bytes); give -o FILE to save it`,
      );
    await writeBinary(blob, {}, pretty, interrupt.signal);
  } finally {
    activity.stop();
    interrupt.dispose();
  }
}
