import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { InferenceClient } from "@infer/inference";

/** Where the demo prints: stdout in the CLI, a buffer in tests. */
export type Write = (text: string) => void;

/** Options of the demo, for tests: where files go, and the invoice to read. */
export interface DemoOptions {
  /** @default "./out" */
  outDir?: string;
  /** An image with printed text for the OCR step. */
  invoicePath?: string;
}

/**
 * `infer demo`: starts the local inference server on 127.0.0.1 (a free port), calls it with an
 * `InferenceClient` for each task it serves (real CPU models whose weights ship in npm packages),
 * streams the generation to the terminal, writes audio and images to ./out/, prints timings, stops the server.
 */
export async function runDemo(write: Write, options: DemoOptions = {}): Promise<void> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir ?? "out");
  await mkdir(outDir, { recursive: true });
  // Loaded here, not at the CLI's start: the server's libraries (Fastify, sharp, decoders) are only for the demo.
  const { drawDetections, renderText, samplePhotoPath, samplePortrait, startServer } = await import("@infer/server");
  const server = await startServer({ tokenDelay: 15 });
  const files: string[] = [];
  try {
    write(`@infer demo: an InferenceClient against the local inference server at ${server.url} (offline, CPU only)\n`);
    write(
      `Each model loads on its first call (the server answers 503 "loading" and the client waits), so a first call is a cold one.\n\n`,
    );
    const client = new InferenceClient({
      endpoint: server.url,
      hubEndpoint: server.url,
      token: false,
      timeout: 180_000,
    });
    let step = 0;
    const section = async <T>(title: string, run: () => Promise<T>, show: (value: T) => string): Promise<void> => {
      step++;
      const begin = performance.now();
      write(`${step}. ${title}\n`);
      try {
        const value = await run();
        write(`${show(value)}\n   (${seconds(begin)})\n\n`);
      } catch (error) {
        write(`   failed: ${(error as Error).message}\n\n`);
      }
    };

    const reviews = [
      "I love how simple this library is, it is really great.",
      "The update broke everything and support was awful.",
    ];
    await section(
      "textClassification (the recommended model: wink-nlp sentiment)",
      () => Promise.all(reviews.map((review) => client.textClassification(review))),
      (results) =>
        results
          .map(
            (labels, index) =>
              `   "${reviews[index]}"\n   → ${labels.map(({ label, score }) => `${label} ${score.toFixed(3)}`).join("  ")}`,
          )
          .join("\n"),
    );

    const sentence = "Barack Obama met Angela Merkel in Paris before visiting Microsoft in Seattle.";
    await section(
      "tokenClassification (compromise: people, places, organisations)",
      () => client.tokenClassification(sentence),
      (entities) =>
        `   "${sentence}"\n   → ${entities.map((entity) => `${entity.word} [${entity.entity_group}]`).join(", ")}`,
    );

    const flowers = {
      sepal_length: ["5.1", "6.4", "7.7"],
      sepal_width: ["3.5", "3.2", "3.0"],
      petal_length: ["1.4", "4.5", "6.1"],
      petal_width: ["0.2", "1.5", "2.3"],
    };
    await section(
      "tabularClassification and tabularRegression (random forests trained on the iris data set at load)",
      async () => {
        const species = await client.tabularClassification(flowers, { model: "infer/iris-random-forest" });
        const { petal_width: _, ...threeColumns } = flowers;
        const widths = await client.tabularRegression(threeColumns, { model: "infer/iris-random-forest-regression" });
        return { species, widths };
      },
      ({ species, widths }) =>
        `   species: ${species.join(", ")}\n   petal_width predicted: ${widths.map((width) => width.toFixed(2)).join(", ")} (true: ${flowers.petal_width.join(", ")})`,
    );

    const prompt = "The Fox saw the grapes";
    step++;
    write(`${step}. textGeneration, streamed token by token (a trigram model over Aesop's fables)\n   ${prompt}`);
    let begin = performance.now();
    let count = 0;
    try {
      for await (const token of await client.textGeneration(prompt, { stream: true, maxNewTokens: 40 })) {
        write(token);
        count++;
      }
      write(`\n   (${count} tokens, ${seconds(begin)})\n\n`);
    } catch (error) {
      write(`\n   failed: ${(error as Error).message}\n\n`);
    }

    await section(
      "chatCompletion (the same model behind /v1/chat/completions)",
      () =>
        client.chatCompletion(
          { messages: [{ role: "user", content: "Tell me about the Lion and the Mouse." }], maxTokens: 30 },
          { model: server.url },
        ),
      (output) =>
        `   user: Tell me about the Lion and the Mouse.\n   assistant: ${output.choices[0]?.message.content ?? ""}`,
    );

    const speech = "Hello! This sentence was spoken by eSpeak N G, running in WebAssembly, on your own machine.";
    await section(
      "textToSpeech (eSpeak NG compiled to WebAssembly)",
      async () => {
        const audio = await client.textToSpeech(speech);
        const file = path.join(outDir, "speech.wav");
        const bytes = Buffer.from(await audio.arrayBuffer());
        await writeFile(file, bytes);
        files.push(file);
        return { file, bytes: bytes.length, type: audio.type, duration: wavSeconds(bytes) };
      },
      ({ file, bytes, type, duration }) =>
        `   "${speech}"\n   → ${file} (${type}, ${bytes} bytes, ${duration.toFixed(1)} s of audio)`,
    );

    step++;
    write(`${step}. automaticSpeechRecognition (Debian's PocketSphinx), on the speech the previous step wrote\n`);
    begin = performance.now();
    try {
      const heard = await client.automaticSpeechRecognition(await readFile(path.join(outDir, "speech.wav")));
      write(`   heard: "${heard}"\n   (${seconds(begin)})\n\n`);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      write(
        status === 501
          ? `   not available here: ${(error as Error).message}\n\n`
          : `   failed: ${(error as Error).message}\n\n`,
      );
    }

    if (options.invoicePath !== undefined) {
      const invoicePath = options.invoicePath;
      await section(
        "imageToText (Tesseract OCR, English data from npm)",
        () => readFile(invoicePath).then((bytes) => client.imageToText(bytes)),
        (text) =>
          `   ${path.basename(invoicePath)} →\n${text
            .split("\n")
            .filter((line) => line.trim())
            .slice(0, 6)
            .map((line) => `     | ${line}`)
            .join("\n")}`,
      );
    } else {
      const invoice = await renderText([
        "INVOICE 2024-117",
        "East Repair Inc.",
        "1912 Harvest Lane, New York",
        "Front brake cables: 100.00",
        "Total due: 154.06 USD",
      ]);
      await section(
        "imageToText (Tesseract OCR, English data from npm)",
        async () => {
          const file = path.join(outDir, "ocr-input.png");
          await writeFile(file, invoice);
          files.push(file);
          return { file, text: await client.imageToText(invoice) };
        },
        ({ file, text }) =>
          `   ${file} (an image the demo drew) →\n${text
            .split("\n")
            .filter((line) => line.trim())
            .map((line) => `     | ${line}`)
            .join("\n")}`,
      );
    }

    await section(
      "objectDetection (CenterNet on TensorFlow.js's WebAssembly backend)",
      async () => {
        const photo = await readFile(samplePhotoPath());
        const objects = await client.objectDetection(photo);
        const file = path.join(outDir, "detections.png");
        await writeFile(file, await drawDetections(photo, objects));
        files.push(file);
        return { objects, file };
      },
      ({ objects, file }) => {
        const counts = new Map<string, number>();
        for (const object of objects) counts.set(object.label, (counts.get(object.label) ?? 0) + 1);
        return `   ${path.basename(samplePhotoPath())} (from @vladmandic/human's assets) → ${[...counts].map(([label, count]) => `${count} × ${label}`).join(", ")}\n   boxes drawn in ${file}`;
      },
    );

    await section(
      "imageSegmentation (MediaPipe's selfie segmenter, its .tflite run on TensorFlow.js's WebAssembly backend)",
      async () => {
        const portrait = await samplePortrait();
        const input = path.join(outDir, "portrait.png");
        await writeFile(input, portrait);
        files.push(input);
        const segments = await client.imageSegmentation(portrait);
        const written: string[] = [];
        for (const [index, segment] of segments.entries()) {
          const file = path.join(outDir, `mask-${index}-${segment.label}.png`);
          await writeFile(file, Buffer.from(await (segment.mask as Blob).arrayBuffer()));
          files.push(file);
          written.push(`${segment.label} ${(segment.score ?? 0).toFixed(3)} → ${file}`);
        }
        return { input, written };
      },
      ({ input, written }) => `   ${input} →
   ${written.length === 0 ? "no person found" : written.join("\n   ")}`,
    );

    await section(
      "imageToImage (ESRGAN-slim ×2 super-resolution, TensorFlow.js layers on WebAssembly)",
      async () => {
        const portrait = await samplePortrait();
        const upscaled = Buffer.from(await (await client.imageToImage(portrait)).arrayBuffer());
        const file = path.join(outDir, "portrait-x2.png");
        await writeFile(file, upscaled);
        files.push(file);
        return { file, size: pngSize(upscaled) };
      },
      ({ file, size }) => `   portrait.png (152×156) → ${file} (${size})`,
    );

    step++;
    write(`${step}. audioClassification (Silero VAD on onnxruntime-web), on the speech written above and on silence\n`);
    begin = performance.now();
    try {
      const spoken = await client.audioClassification(await readFile(path.join(outDir, "speech.wav")));
      const silence = Buffer.alloc(44 + 32_000);
      silence.write("RIFF", 0, "ascii");
      silence.writeUInt32LE(36 + 32_000, 4);
      silence.write("WAVEfmt ", 8, "ascii");
      silence.writeUInt32LE(16, 16);
      silence.writeUInt16LE(1, 20);
      silence.writeUInt16LE(1, 22);
      silence.writeUInt32LE(16_000, 24);
      silence.writeUInt32LE(32_000, 28);
      silence.writeUInt16LE(2, 32);
      silence.writeUInt16LE(16, 34);
      silence.write("data", 36, "ascii");
      silence.writeUInt32LE(32_000, 40);
      const quiet = await client.audioClassification(silence);
      const show = (labels: { label: string; score: number }[]) =>
        labels.map(({ label, score }) => `${label} ${score.toFixed(3)}`).join("  ");
      write(`   speech.wav → ${show(spoken)}\n   1 s of silence → ${show(quiet)}\n   (${seconds(begin)})\n\n`);
    } catch (error) {
      write(`   failed: ${(error as Error).message}\n\n`);
    }
  } finally {
    await server.close();
  }
  write(`Files written: ${files.length === 0 ? "none" : files.join(", ")}\n`);
  write(`Done in ${seconds(started)}; the server is stopped.\n`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

/** The length of a PCM WAV: its data size over its byte rate (header fields at 28 and 40). */
function wavSeconds(bytes: Buffer): number {
  if (bytes.length < 44 || bytes.toString("ascii", 0, 4) !== "RIFF") return 0;
  return bytes.readUInt32LE(40) / bytes.readUInt32LE(28);
}

/** "W×H" of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  return bytes.length > 24 ? `${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}` : "?";
}
