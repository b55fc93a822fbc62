import { createInterface } from "node:readline";
import colors from "picocolors";
import { readStdin } from "../io/input.js";
import { printJson } from "../io/json.js";
import { startActivity } from "./activity.js";
import { createClient, type CommonOptions } from "./common.js";
import { onInterrupt } from "./interrupt.js";
import type { InferenceClient } from "@infer/inference";

interface ChatOptions extends CommonOptions {
  system?: string;
  interactive?: boolean;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  stream?: boolean;
}

type Message = { role: string; content: string };

export async function runChat(words: string[], options: ChatOptions): Promise<void> {
  const messages: Message[] = options.system !== undefined ? [{ role: "system", content: options.system }] : [];
  const interactive = options.interactive === true || (words.length === 0 && process.stdin.isTTY === true);
  if (interactive) return session(messages, options);
  let content = words.join(" ");
  if (words.length === 0 || content === "-")
    content = (await readStdin("message")).toString("utf8").replace(/\r?\n$/, "");
  messages.push({ role: "user", content });
  const interrupt = onInterrupt();
  try {
    const client = await createClient(options, interrupt.signal);
    await answer(client, messages, options, interrupt.signal);
  } finally {
    interrupt.dispose();
  }
}

/** Sends the conversation, prints the answer (streamed unless `--no-stream` or `--json`), and returns its text. */
async function answer(
  client: InferenceClient,
  messages: Message[],
  options: ChatOptions,
  signal: AbortSignal,
): Promise<string> {
  const stream = options.stream !== false && options.json !== true;
  const input = {
    messages,
    ...(options.maxTokens !== undefined && { maxTokens: options.maxTokens }),
    ...(options.temperature !== undefined && { temperature: options.temperature }),
    ...(options.topP !== undefined && { topP: options.topP }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.stop !== undefined && { stop: options.stop }),
  };
  const activity = await startActivity(`chat${options.model ? ` (${options.model})` : ""}`);
  try {
    if (!stream) {
      const output = await client.chatCompletion({ ...input, stream: false }, { signal });
      activity.stop();
      const text = output.choices[0]?.message.content ?? "";
      if (options.json) printJson(output, false);
      else process.stdout.write(`${text}\n`);
      return text;
    }
    const chunks = await client.chatCompletion({ ...input, stream: true }, { signal });
    activity.stop();
    let text = "";
    for await (const chunk of chunks) {
      const token = chunk.choices[0]?.delta.content ?? "";
      text += token;
      process.stdout.write(token);
    }
    process.stdout.write("\n");
    return text;
  } finally {
    activity.stop();
  }
}

/** A session: each line is a message, the conversation is kept; Ctrl-C stops the current answer only. */
async function session(messages: Message[], options: ChatOptions): Promise<void> {
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // The client first: lines read before the loop below starts listening would be lost.
  const client = await createClient(options, new AbortController().signal);
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    historySize: 1000,
    prompt: terminal ? colors.bold("› ") : "",
  });
  let current: AbortController | undefined;
  const interrupt = () => {
    if (current) current.abort();
    else lines.close();
  };
  // Node 24 throws on prompt() once stdin has ended, while buffered lines are still to be answered.
  let closed = false;
  lines.on("close", () => (closed = true));
  const prompt = () => {
    if (terminal && !closed) lines.prompt();
  };
  process.on("SIGINT", interrupt);
  lines.on("SIGINT", interrupt);
  if (terminal)
    process.stdout.write(colors.dim(`chat with ${options.model ?? "the default model"}; /exit or Ctrl-D to end\n`));
  prompt();
  try {
    for await (const line of lines) {
      const content = line.trim();
      if (content === "/exit" || content === "/quit") break;
      if (content === "") {
        prompt();
        continue;
      }
      messages.push({ role: "user", content });
      current = new AbortController();
      try {
        const text = await answer(client, messages, options, current.signal);
        messages.push({ role: "assistant", content: text });
      } catch (error) {
        messages.pop();
        if (!current.signal.aborted) throw error;
        process.stdout.write(colors.dim("\n(stopped)\n"));
      } finally {
        current = undefined;
      }
      prompt();
    }
  } finally {
    process.off("SIGINT", interrupt);
    lines.close();
  }
}
