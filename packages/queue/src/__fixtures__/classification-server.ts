import { startServer, sendJson, tapeJson, type TestServer } from "@infer/testing";

const recorded = tapeJson("distilbert-base-uncased-finetuned-sst-2-english").body as { label: string; score: number }[][];

/** The output the server gives for a text: the recorded labels, then the text itself as a label (so a test can tie output to row). */
export function expectedOutput(text: string): { label: string; score: number }[] {
  return [...(recorded[0] ?? []), { label: text, score: 0 }];
}

export interface ClassificationServer extends TestServer {
  /** The most requests in flight at once so far. */
  maxInFlight(): number;
  /** Arrival times (ms since epoch) of every request, in order. */
  arrivals: number[];
}

/**
 * A loopback text-classification server answering from the recorded fixture. `answer(text, index)` may
 * return a status (and headers) instead of the normal answer; `delay` ms before each answer.
 */
export async function classificationServer(
  options: { delay?: number | ((text: string) => number); answer?: (text: string, index: number) => { status: number; headers?: Record<string, string> } | undefined } = {},
): Promise<ClassificationServer> {
  let inFlight = 0;
  let most = 0;
  const arrivals: number[] = [];
  const server = await startServer(async (request, response) => {
    const index = arrivals.length;
    arrivals.push(Date.now());
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      const { inputs } = request.json() as { inputs: string };
      const delay = typeof options.delay === "function" ? options.delay(inputs) : options.delay;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const special = options.answer?.(inputs, index);
      if (special) sendJson(response, { error: `refused ${inputs}` }, special.status, special.headers ?? {});
      else sendJson(response, [expectedOutput(inputs)]);
    } finally {
      inFlight -= 1;
    }
  });
  return Object.assign(server, { maxInFlight: () => most, arrivals });
}
