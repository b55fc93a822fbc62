// The program a stranger writes after `npm install @infer/inference`: it runs against a local server that answers
// like the fill-mask service, and is type-checked with `tsc --strict` and otherwise default compiler options.
import { createServer, type IncomingMessage } from "node:http";
import { inspect } from "node:util";
import { InferenceClient, type FillMaskOutput } from "@infer/inference";
import { createClient, InferenceInputError, VERSION } from "@infer/core";
import { defineTask, requireString } from "@infer/core/task-kit";
import { fillMask } from "@infer/task-fill-mask";

function fail(message: string): never {
  throw new Error(`pack-check: ${message}`);
}

const expectedVersion: string = process.argv[2] ?? fail("usage: main.js <core version>");
const seen: { agent: string; body: string }[] = [];
const answer: FillMaskOutput = [
  { score: 0.9, token: 2166, token_str: "happiness", sequence: "the goal of life is happiness." },
];

const server = createServer((request: IncomingMessage, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    seen.push({ agent: String(request.headers["user-agent"]), body });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") fail("no port");
  const model = `http://127.0.0.1:${address.port}`;
  void run(model).finally(() => server.close());
});

async function run(model: string): Promise<void> {
  const client = new InferenceClient({ model, token: false });
  const viaClient = await client.fillMask("The goal of life is [MASK].");
  const viaCore = await createClient({ model, token: false }).with(fillMask).fillMask("The goal of life is [MASK].");
  if (viaClient[0]?.token_str !== "happiness" || viaCore[0]?.token_str !== "happiness") fail("unexpected answer");
  if (seen.length !== 2 || JSON.parse(seen[0]?.body ?? "{}").inputs !== "The goal of life is [MASK].") fail("request");
  if (VERSION !== expectedVersion) fail(`VERSION ${VERSION}, package.json ${expectedVersion}`);
  if (!seen[0]?.agent.startsWith(`@infer/core/${expectedVersion} `)) fail(`User-Agent ${seen[0]?.agent}`);
  if (client.constructor.name !== "InferenceClient") fail(`class name ${client.constructor.name}`);
  if (!inspect(client).startsWith("InferenceClient")) fail(`inspect ${inspect(client)}`);
  let inputError: unknown;
  try {
    await client.fillMask(42 as unknown as string);
  } catch (error) {
    inputError = error;
  }
  if (!(inputError instanceof InferenceInputError) || inputError.constructor.name !== "InferenceInputError") {
    fail(`bad input gave ${String(inputError)}`);
  }
  if (seen.length !== 2) fail("a request was sent for bad input");
  // A task written with the task-kit subpath: its errors are @infer/core's own classes (one copy of core).
  const shout = defineTask({ taskName: "shout", methodName: "shout" }, async (_client, text: string) =>
    requireString(text, "text").toUpperCase(),
  );
  const composed = createClient({ model, token: false }).with(shout);
  if ((await composed.shout("hi")) !== "HI") fail("task-kit task");
  const kitError = await composed.shout(7 as unknown as string).catch((error: unknown) => error);
  if (!(kitError instanceof InferenceInputError)) fail(`task-kit error ${String(kitError)} is not core's class`);
  console.log(`pack-check: ok (@infer/core ${VERSION}, ${inspect(client).split(" ")[0]})`);
}
