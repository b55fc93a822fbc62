/**
 * One cold start: `node cold-start.js <contender> <url>` in a fresh process. Imports the client, makes one
 * text-classification call, prints the times (milliseconds since the process started) and exits.
 */
import { BENCH_TOKEN, CLASSIFICATION_TEXT, importOptional, printResult } from "./shared.js";

export type ColdStartContender = "node" | "undici" | "infer" | "peer";

export interface ColdStartResult {
  contender: ColdStartContender;
  api: string;
  /** When the script's own code started running: node's bootstrap. */
  startedAt: number;
  importMilliseconds: number;
  callMilliseconds: number;
  /** From the process's start to the call's answer. */
  readyAt: number;
}

type Labels = { label: string; score: number }[];
type InferenceModule = {
  InferenceClient: new (options: {
    model: string;
    token: string;
  }) => { textClassification(text: string): Promise<Labels> };
};

const contender = process.argv[2] as ColdStartContender;
const url = process.argv[3] ?? "";
const startedAt = performance.now();
let api = "";
let call: () => Promise<unknown> = async () => [];

switch (contender) {
  case "node":
    api = "an empty script";
    break;
  case "undici": {
    const { request } = await import("undici");
    api = '`import("undici")` + `request`';
    call = async () =>
      (
        await request(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ inputs: CLASSIFICATION_TEXT }),
        })
      ).body.json();
    break;
  }
  case "infer": {
    // The whole client, once @infer/inference builds; until then the one task it would run.
    const inference = await importOptional<InferenceModule>("@infer/inference");
    if (inference) {
      api = '`import("@infer/inference")` + `new InferenceClient().textClassification`';
      const client = new inference.InferenceClient({ model: url, token: BENCH_TOKEN });
      call = () => client.textClassification(CLASSIFICATION_TEXT);
    } else {
      const { createClient } = await import("@infer/core");
      const { textClassification } = await import("@infer/task-text-classification");
      api = '`import("@infer/core")` + `import("@infer/task-text-classification")` (@infer/inference not built yet)';
      const client = createClient({ model: url, token: BENCH_TOKEN });
      call = () => textClassification(client, CLASSIFICATION_TEXT);
    }
    break;
  }
  case "peer": {
    const { InferenceClient } = await import("@huggingface/inference");
    api = '`import("@huggingface/inference")` + `new InferenceClient().textClassification`';
    const client = new InferenceClient(BENCH_TOKEN, { endpointUrl: url });
    call = () => client.textClassification({ inputs: CLASSIFICATION_TEXT });
    break;
  }
  default:
    throw new Error(`unknown contender ${String(contender)}`);
}
const imported = performance.now();
const answer = await call();
if (!Array.isArray(answer)) throw new Error(`${contender} answered ${JSON.stringify(answer)}`);
const readyAt = performance.now();
printResult({
  contender,
  api,
  startedAt,
  importMilliseconds: imported - startedAt,
  callMilliseconds: readyAt - imported,
  readyAt,
} satisfies ColdStartResult);
// Keep-alive sockets would hold the process open; the measurement is done.
process.exit(0);
