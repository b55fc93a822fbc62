import type { InputSpec, OptionSpec, TaskSpec } from "./spec.js";

const audio: InputSpec = { name: "audio", kind: "binary", description: "an audio file: a path, an http(s) URL, or - for stdin" };
const image: InputSpec = { name: "image", kind: "binary", description: "an image: a path, an http(s) URL, or - for stdin" };
const text: InputSpec = { name: "text", kind: "text", description: "the text, or - to read it from stdin" };
const table: InputSpec = { name: "table", kind: "table", description: "a CSV file (first row: column names) or a JSON file ({column: [cells]} or [{column: cell}]); - for stdin" };
const labels: InputSpec = { name: "labels", kind: "list", description: "candidate labels, as separate arguments or a comma list" };
const question: InputSpec = { name: "question", kind: "text", description: "the question, or - for stdin" };

const imageGeneration: OptionSpec[] = [
  { key: "negativePrompt", type: "string", description: "what the image should not show", placeholder: "<text>" },
  { key: "height", type: "integer", description: "height in pixels, an integer > 0", placeholder: "<px>" },
  { key: "width", type: "integer", description: "width in pixels, an integer > 0", placeholder: "<px>" },
  { key: "numInferenceSteps", type: "integer", description: "denoising steps, an integer > 0", placeholder: "<n>" },
  { key: "guidanceScale", type: "number", description: "how closely the image follows the prompt", placeholder: "<x>" },
];

/** The `parameters` of summarization and conversational, sent as the server names them. */
const generationParameters: OptionSpec[] = [
  { key: "min_length", type: "integer", description: "the shortest output, in tokens", inParameters: true, placeholder: "<n>" },
  { key: "max_length", type: "integer", description: "the longest output, in tokens", inParameters: true, placeholder: "<n>" },
  { key: "top_k", type: "integer", description: "sample among the k most likely tokens", inParameters: true, placeholder: "<k>" },
  { key: "top_p", type: "number", description: "nucleus sampling mass, 0 < p < 1", inParameters: true, placeholder: "<p>" },
  { key: "temperature", type: "number", description: "sampling temperature", inParameters: true, placeholder: "<t>" },
  { key: "repetition_penalty", type: "number", description: "penalty for repeated tokens (> 1 repeats less)", inParameters: true, placeholder: "<x>" },
  { key: "max_time", type: "number", description: "the most seconds the server may spend", inParameters: true, placeholder: "<s>" },
  { key: "parameters", type: "json", description: "any other parameters, as a JSON object (merged under the flags above)", placeholder: "<json>" },
];

/** Every task of DESIGN.md, in its order; `infer chat` (chat completion) has its own command. */
export const TASKS: readonly TaskSpec[] = [
  {
    name: "audio-classification", method: "audioClassification", domain: "Audio", summary: "Classify an audio clip: [{label, score}].",
    inputs: [audio], options: [], output: "json", example: 'infer audio-classification sample.flac --model superb/hubert-large-superb-er',
  },
  {
    name: "automatic-speech-recognition", method: "automaticSpeechRecognition", domain: "Audio", summary: "Transcribe speech to text.",
    inputs: [audio], options: [], output: "text", example: "infer automatic-speech-recognition sample.flac --model facebook/wav2vec2-large-960h-lv60-self",
  },
  {
    name: "text-to-speech", method: "textToSpeech", domain: "Audio", summary: "Speak a text: audio bytes, written with -o.",
    inputs: [text], options: [], output: "binary", example: 'infer text-to-speech "hello there!" --model espnet/kan-bayashi_ljspeech_vits -o hello.flac',
  },
  {
    name: "image-classification", method: "imageClassification", domain: "Computer vision", summary: "Classify an image: [{label, score}].",
    inputs: [image], options: [], output: "json", example: "infer image-classification cheetah.png --model google/vit-base-patch16-224",
  },
  {
    name: "image-segmentation", method: "imageSegmentation", domain: "Computer vision",
    summary: "Segment an image: [{label, score, mask}]; masks as base64 PNG, or files with -o DIR.",
    inputs: [image], options: [], output: "segments", example: "infer image-segmentation cheetah.png --model facebook/detr-resnet-50-panoptic -o masks/",
  },
  {
    name: "image-to-image", method: "imageToImage", domain: "Computer vision", summary: "Transform an image: image bytes, written with -o.",
    inputs: [image],
    options: [
      { key: "prompt", type: "string", description: "what the new image should show", placeholder: "<text>" },
      ...imageGeneration,
      { key: "strength", type: "number", description: "how much the image may change, 0 to 1", placeholder: "<x>" },
    ],
    output: "binary", example: 'infer image-to-image bird_canny.png --prompt "a bird, oil painting" --model lllyasviel/sd-controlnet-canny -o bird.png',
  },
  {
    name: "image-to-text", method: "imageToText", domain: "Computer vision", summary: "Caption an image.",
    inputs: [image], options: [], output: "text", example: "infer image-to-text cheetah.png --model nlpconnect/vit-gpt2-image-captioning",
  },
  {
    name: "object-detection", method: "objectDetection", domain: "Computer vision", summary: "Detect objects: [{label, score, box}].",
    inputs: [image], options: [], output: "json", example: "infer object-detection cheetah.png --model facebook/detr-resnet-50",
  },
  {
    name: "text-to-image", method: "textToImage", domain: "Computer vision", summary: "Generate an image from a prompt: image bytes, written with -o.",
    inputs: [{ name: "prompt", kind: "text", description: "the prompt, or - for stdin" }], options: imageGeneration, output: "binary",
    example: 'infer text-to-image "An astronaut riding a horse on the moon" --model stabilityai/stable-diffusion-2 -o astronaut.png',
  },
  {
    name: "zero-shot-image-classification", method: "zeroShotImageClassification", domain: "Computer vision",
    summary: "Classify an image among labels you give: [{label, score}].",
    inputs: [image, labels], options: [], output: "json",
    example: "infer zero-shot-image-classification cheetah.png animal toy car --model openai/clip-vit-large-patch14-336",
  },
  {
    name: "document-question-answering", method: "documentQuestionAnswering", domain: "Multimodal", summary: "Answer a question about a document image.",
    inputs: [image, question], options: [], output: "json",
    example: 'infer document-question-answering invoice.png "What is the invoice number?" --model impira/layoutlm-document-qa',
  },
  {
    name: "visual-question-answering", method: "visualQuestionAnswering", domain: "Multimodal", summary: "Answer a question about an image.",
    inputs: [image, question], options: [], output: "json",
    example: 'infer visual-question-answering cheetah.png "How many cats are lying down?" --model dandelin/vilt-b32-finetuned-vqa',
  },
  {
    name: "conversational", method: "conversational", domain: "Natural language processing", summary: "Answer the next message of a conversation.",
    inputs: [text],
    options: [
      { key: "pastUserInputs", type: "list", description: "the user's earlier messages, oldest first (repeat the flag, or a comma list)", placeholder: "<text>" },
      { key: "generatedResponses", type: "list", description: "the model's earlier answers, oldest first", placeholder: "<text>" },
      ...generationParameters,
    ],
    output: "json",
    example: 'infer conversational "Can you explain why ?" --past-user-inputs "Which movie is the best ?" --generated-responses "It is Die Hard for sure." --model microsoft/DialoGPT-large',
  },
  {
    name: "feature-extraction", method: "featureExtraction", domain: "Natural language processing",
    summary: "Embed one text, or several: nested arrays of numbers.",
    inputs: [{ name: "texts", kind: "texts", description: "one or more texts (- for stdin)" }], options: [], output: "json",
    example: 'infer feature-extraction "That is a happy person" --model sentence-transformers/distilbert-base-nli-mean-tokens',
  },
  {
    name: "fill-mask", method: "fillMask", domain: "Natural language processing", summary: "Fill the mask token: [{score, token, token_str, sequence}].",
    inputs: [text], options: [], output: "json", example: 'infer fill-mask "[MASK] world!" --model bert-base-uncased',
  },
  {
    name: "question-answering", method: "questionAnswering", domain: "Natural language processing", summary: "Answer a question from a context.",
    inputs: [question, { name: "context", kind: "text", description: "the text holding the answer, or - for stdin" }], options: [], output: "json",
    example: 'infer question-answering "What is the capital of France?" "The capital of France is Paris." --model deepset/roberta-base-squad2',
  },
  {
    name: "sentence-similarity", method: "sentenceSimilarity", domain: "Natural language processing",
    summary: "Score how similar sentences are to a source sentence: [number].",
    inputs: [
      { name: "sentence", kind: "text", description: "the source sentence, or - for stdin" },
      { name: "sentences", kind: "list", description: "the sentences to compare it with" },
    ],
    options: [], output: "json",
    example: 'infer sentence-similarity "That is a happy person" "That is a happy dog" "Today is a sunny day" --model sentence-transformers/paraphrase-xlm-r-multilingual-v1',
  },
  {
    name: "summarization", method: "summarization", domain: "Natural language processing", summary: "Summarize a text.",
    inputs: [text], options: generationParameters, output: "text", example: "infer summarization - --max-length 60 --model facebook/bart-large-cnn < article.txt",
  },
  {
    name: "table-question-answering", method: "tableQuestionAnswering", domain: "Tabular", summary: "Answer a question about a table.",
    inputs: [table, { name: "query", kind: "text", description: "the question" }], options: [], output: "json",
    example: 'infer table-question-answering repositories.csv "How many stars does the transformers repository have?" --model google/tapas-base-finetuned-wtq',
  },
  {
    name: "text-classification", method: "textClassification", domain: "Natural language processing", summary: "Classify a text: [{label, score}].",
    inputs: [text], options: [], output: "json", example: 'infer text-classification "I like you. I love you." --model distilbert-base-uncased-finetuned-sst-2-english',
  },
  {
    name: "text-generation", method: "textGeneration", domain: "Natural language processing",
    summary: "Continue a prompt; --stream prints tokens as they arrive.",
    inputs: [{ name: "prompt", kind: "text", description: "the prompt, or - for stdin" }],
    options: [
      { key: "maxNewTokens", type: "integer", description: "the most tokens to generate, an integer > 0", placeholder: "<n>" },
      { key: "temperature", type: "number", description: "sampling temperature, > 0", placeholder: "<t>" },
      { key: "topK", type: "integer", description: "sample among the k most likely tokens", placeholder: "<k>" },
      { key: "topP", type: "number", description: "nucleus sampling mass, 0 < p < 1", placeholder: "<p>" },
      { key: "typicalP", type: "number", description: "typical decoding mass, 0 < p < 1", placeholder: "<p>" },
      { key: "repetitionPenalty", type: "number", description: "penalty for repeated tokens, > 0", placeholder: "<x>" },
      { key: "doSample", type: "boolean", description: "sample instead of greedy decoding" },
      { key: "returnFullText", type: "boolean", description: "prepend the prompt to the output" },
      { key: "stop", type: "list", description: "stop at this sequence (repeat the flag, or a comma list)", placeholder: "<text>" },
      { key: "seed", type: "integer", description: "random seed, an integer ≥ 0", placeholder: "<n>" },
      { key: "truncate", type: "integer", description: "keep only the prompt's last n tokens", placeholder: "<n>" },
      { key: "bestOf", type: "integer", description: "generate n sequences, return the most likely", placeholder: "<n>" },
      { key: "watermark", type: "boolean", description: "watermark the text (TGI)" },
      { key: "details", type: "boolean", description: "the whole answer: finish reason, tokens, log-probabilities (TGI)" },
      { key: "decoderInputDetails", type: "boolean", description: "with --details, the prompt's tokens too (TGI)" },
    ],
    output: "text", streams: true, example: 'infer text-generation "The answer to the universe is" --max-new-tokens 20 --stream --model gpt2',
  },
  {
    name: "token-classification", method: "tokenClassification", domain: "Natural language processing",
    summary: "Find entities: [{entity_group, score, word, start, end}].",
    inputs: [text], options: [], output: "json",
    example: 'infer token-classification "My name is Sarah Jessica Parker but you can call me Jessica" --model dbmdz/bert-large-cased-finetuned-conll03-english',
  },
  {
    name: "translation", method: "translation", domain: "Natural language processing", summary: "Translate a text.",
    inputs: [text],
    options: [
      { key: "srcLang", type: "string", description: "the source language, e.g. en_XX (with --tgt-lang)", placeholder: "<code>" },
      { key: "tgtLang", type: "string", description: "the target language, e.g. fr_XX (with --src-lang)", placeholder: "<code>" },
    ],
    output: "text", example: 'infer translation "My name is Wolfgang and I live in Berlin" --model t5-base',
  },
  {
    name: "zero-shot-classification", method: "zeroShotClassification", domain: "Natural language processing",
    summary: "Classify a text among labels you give: [{label, score}].",
    inputs: [text, labels],
    options: [{ key: "multiLabel", type: "boolean", description: "labels are independent (scores need not add up to 1)" }],
    output: "json", example: 'infer zero-shot-classification "I want a refund" refund legal faq --model facebook/bart-large-mnli',
  },
  {
    name: "tabular-classification", method: "tabularClassification", domain: "Tabular", summary: "Classify each row of a table: [label].",
    inputs: [table], options: [], output: "json", needsModel: true, example: "infer tabular-classification wines.csv --model vvmnnnkv/wine-quality",
  },
  {
    name: "tabular-regression", method: "tabularRegression", domain: "Tabular", summary: "Predict a number for each row of a table: [number].",
    inputs: [table], options: [], output: "json", needsModel: true, example: "infer tabular-regression fish.csv --model scikit-learn/Fish-Weight",
  },
];
