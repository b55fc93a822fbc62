/**
 * One throughput run in a fresh process: `node throughput-runner.js '{"contender", "url", "calls", "warmup", "concurrency"}'`.
 * Warms up, then times `calls` text-classification calls with `concurrency` callers in flight.
 */
import {
  BENCH_TOKEN,
  CLASSIFICATION_TEXT,
  cpuMicroseconds,
  printResult,
  runConcurrently,
  runnerArgument,
} from "./shared.js";

export type ThroughputContender = "infer" | "undici" | "peer";

export interface ThroughputArgument {
  contender: ThroughputContender;
  url: string;
  calls: number;
  warmup: number;
  concurrency: number;
}

export interface ThroughputResult {
  contender: ThroughputContender;
  seconds: number;
  callsPerSecond: number;
  cpuMicrosecondsPerCall: number;
}

type Labels = { label: string; score: number }[];

async function makeCall(contender: ThroughputContender, url: string): Promise<() => Promise<Labels>> {
  switch (contender) {
    case "infer": {
      const { createClient } = await import("@infer/core");
      const { textClassification } = await import("@infer/task-text-classification");
      const client = createClient({ model: url, token: BENCH_TOKEN });
      return () => textClassification(client, CLASSIFICATION_TEXT);
    }
    case "undici": {
      const { request } = await import("undici");
      const body = JSON.stringify({ inputs: CLASSIFICATION_TEXT });
      const headers = { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` };
      return async () => {
        const response = await request(url, { method: "POST", headers, body });
        const answer = (await response.body.json()) as Labels[];
        return answer[0] as Labels;
      };
    }
    case "peer": {
      const { textClassification } = await import("@huggingface/inference");
      return () => textClassification({ accessToken: BENCH_TOKEN, endpointUrl: url, inputs: CLASSIFICATION_TEXT });
    }
  }
}

const argument = runnerArgument<ThroughputArgument>();
const call = await makeCall(argument.contender, argument.url);
const first = await call();
if (!Array.isArray(first) || typeof first[0]?.label !== "string") {
  throw new Error(`${argument.contender} answered ${JSON.stringify(first)}, not labels`);
}
await runConcurrently(call, argument.warmup, argument.concurrency);
const cpuBefore = cpuMicroseconds();
const seconds = await runConcurrently(call, argument.calls, argument.concurrency);
const cpu = cpuMicroseconds() - cpuBefore;
printResult({
  contender: argument.contender,
  seconds,
  callsPerSecond: argument.calls / seconds,
  cpuMicrosecondsPerCall: cpu / argument.calls,
} satisfies ThroughputResult);
