import { InferenceClient } from "@infer/inference";
import { startServer } from "@infer/server";

/** Where the demo prints: stdout in the CLI, a buffer in tests. */
export type Write = (text: string) => void;

const SENTIMENT_MODEL = "infer/lexicon-sentiment";
const EMBEDDINGS_MODEL = "infer/hashed-embeddings";
const GENERATION_MODEL = "infer/markov-generator";

/**
 * `infer demo`: starts the stand-in server on 127.0.0.1 (a free port), calls it with an
 * `InferenceClient` (classification, fill-mask, embeddings, a streamed generation, a summary),
 * prints the results, and stops the server. Offline and deterministic.
 */
export async function runDemo(write: Write): Promise<void> {
  const started = performance.now();
  const server = await startServer({ tokenDelay: 25 });
  try {
    write(`@infer demo: an InferenceClient against the local stand-in server at ${server.url} (offline, CPU only)\n\n`);
    const client = new InferenceClient({ endpoint: server.url, hubEndpoint: server.url, token: false, timeout: 10_000 });

    const review = "I love how simple this library is, it is really great.";
    const labels = await client.textClassification(review, { model: SENTIMENT_MODEL });
    write(`1. textClassification (${SENTIMENT_MODEL})\n   "${review}"\n   ${labels.map(({ label, score }) => `${label} ${score.toFixed(3)}`).join("   ")}\n\n`);

    const masked = "The cat sat on the [MASK].";
    const recommended = await client.getRecommendedModel("fill-mask");
    const candidates = await client.fillMask(masked);
    write(`2. fillMask (no model given: the Hub's recommended one, ${recommended})\n   "${masked}"\n`);
    write(`   ${candidates.slice(0, 3).map((candidate) => `${candidate.token_str} ${candidate.score.toFixed(3)}`).join(" · ")}\n\n`);

    const sentences = ["That is a happy person", "That is a happy dog", "Today is a sunny day"];
    const vectors = (await client.featureExtraction(sentences, { model: EMBEDDINGS_MODEL })) as number[][];
    write(`3. featureExtraction (${EMBEDDINGS_MODEL}): ${vectors.length} vectors of ${vectors[0]?.length ?? 0} dimensions\n`);
    for (const [index, sentence] of sentences.entries()) {
      if (index === 0) continue;
      write(`   cosine("${sentences[0]}", "${sentence}") = ${cosine(vectors[0]!, vectors[index]!).toFixed(3)}\n`);
    }

    const prompt = "Once upon a time";
    write(`\n4. textGeneration, streamed token by token (${GENERATION_MODEL})\n   ${prompt}`);
    const tokens = await client.textGeneration(prompt, { model: GENERATION_MODEL, stream: true, maxNewTokens: 30 });
    let count = 0;
    for await (const token of tokens) {
      write(token);
      count++;
    }
    write(`\n   (${count} tokens)\n\n`);

    const article = [
      "The tower is 324 metres tall, about the same height as an 81-storey building.",
      "It was the tallest structure in the world for 41 years.",
      "Its base is square, measuring 125 metres on each side.",
      "The tower is the most visited monument in the world that visitors pay to enter.",
    ].join(" ");
    const summary = await client.summarization(article, { parameters: { max_length: 30 } });
    write(`5. summarization (the recommended model)\n   ${summary}\n\n`);
  } finally {
    await server.close();
  }
  write(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s; the server is stopped.\n`);
}

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index]! * (right[index] ?? 0);
    leftNorm += left[index]! ** 2;
    rightNorm += (right[index] ?? 0) ** 2;
  }
  return dot / (Math.sqrt(leftNorm * rightNorm) || 1);
}
