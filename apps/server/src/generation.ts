import { followCount, ngrams } from "./ngrams.js";
import { round, seededRandom, tokenize } from "./text.js";

/** The TGI parameters the stand-in reads; the others are accepted and ignored. */
export interface GenerationParameters {
  max_new_tokens?: number;
  do_sample?: boolean;
  seed?: number;
  temperature?: number;
  return_full_text?: boolean;
  stop?: string[];
}

export interface GeneratedToken {
  id: number;
  text: string;
  logprob: number;
  special: boolean;
}

export interface Generation {
  tokens: GeneratedToken[];
  text: string;
  finishReason: "length" | "eos_token" | "stop_sequence";
  seed: number | null;
}

const PUNCTUATION = new Set([".", ",", "!", "?", ";", ":"]);

/**
 * Continues a prompt with a Markov chain over the corpus: the successors of the last two tokens, else of
 * the last one. Greedy by default, with a repetition penalty so it does not loop; with `do_sample`,
 * samples by `seed` (default 0) and `temperature`.
 */
export function generate(prompt: string, parameters: GenerationParameters): Generation {
  const model = ngrams();
  const maxNewTokens = parameters.max_new_tokens ?? 20;
  const random = parameters.do_sample ? seededRandom(parameters.seed ?? 0) : undefined;
  const temperature = parameters.temperature ?? 1;
  const used = new Map<string, number>();
  const tokens: GeneratedToken[] = [];
  const history = tokenize(prompt).filter((token) => model.unigrams.has(token));
  if (history.length === 0) history.push(".");
  let text = "";
  let finishReason: Generation["finishReason"] = "length";
  while (tokens.length < maxNewTokens) {
    const pair = history.slice(-2).join(" ");
    const context = model.next.has(pair) ? pair : model.next.has(history.at(-1)!) ? history.at(-1)! : ".";
    // In corpus order, so that a tie goes to the continuation seen first.
    const successors = [...model.next.get(context)!.keys()];
    const weights = successors.map(
      (token) =>
        (followCount(model, context, token) / (1 + 2 * (used.get(`${context} > ${token}`) ?? 0))) ** (1 / temperature),
    );
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let choice = 0;
    if (random) {
      let target = random() * total;
      while (choice < weights.length - 1 && (target -= weights[choice]!) > 0) choice++;
    } else {
      weights.forEach((weight, index) => {
        if (weight > weights[choice]!) choice = index;
      });
    }
    const token = successors[choice]!;
    used.set(`${context} > ${token}`, (used.get(`${context} > ${token}`) ?? 0) + 1);
    const sentenceStart = history.at(-1) === "." || (text === "" && /[.!?]\s*$/.test(prompt));
    const written = model.surface.get(token) ?? token;
    const word = sentenceStart ? written.charAt(0).toUpperCase() + written.slice(1) : written;
    const piece = PUNCTUATION.has(token) ? token : ` ${word}`;
    tokens.push({
      id: model.ids.get(token) ?? 0,
      text: piece,
      logprob: round(Math.log(weights[choice]! / total), 4),
      special: false,
    });
    text += piece;
    history.push(token);
    if (parameters.stop?.some((sequence) => sequence !== "" && text.endsWith(sequence))) {
      finishReason = "stop_sequence";
      break;
    }
  }
  return { tokens, text, finishReason, seed: random ? (parameters.seed ?? 0) : null };
}
