// Writes the scaffolding of every packages/provider-<name>: package.json, tsconfigs, vitest.config.ts, README,
// index, the OpenAI-compatible providers' source, and `src/<name>.test.ts` (the contract tests every provider shares:
// identity, a task it does not serve, a model not mapped to it, and per OpenAI-style task its route, auth and error
// JSON). A new package also gets its first-release changeset. What the generator never writes, for any provider:
// the source of a `custom: true` provider (src/<name>.ts: black-forest-labs, fal-ai, hyperbolic, replicate,
// wavespeed, zai-org) and the hand-written tests of its own tasks beside the contract tests (src/<name>-tasks.test.ts
// and the like). Its output goes through Biome, so a run over an up-to-date repository changes nothing.
//   node scripts/generate-providers.mjs          write (then review `git diff`)
//   node scripts/generate-providers.mjs --check  write nothing; fail when a generated file differs from the repository
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const chat = (path, extra) => ({ kind: "chat", path, ...extra });
const completions = (path) => ({ kind: "completions", path });
const chatCompletions = (path) => ({ kind: "chat-completions", path });
const images = (path, format, rename = {}) => ({ kind: "images", path, format, rename });
const embeddings = (path) => ({ kind: "embeddings", path });
const custom = (description) => ({ kind: "custom", description });

export const PROVIDERS = [
  {
    name: "baseten",
    error: {
      shape: "OpenAI's `{error: {message}}`",
      status: 404,
      body: {
        error: {
          message: "Model not found: org/model",
          type: "invalid_request_error",
          param: null,
          code: "model_not_found",
        },
      },
      message: "Model not found: org/model",
    },
    baseUrl: "https://inference.baseten.co",
    tasks: { "chat-completion": chat("/v1/chat/completions") },
  },
  {
    name: "black-forest-labs",
    baseUrl: "https://api.us1.bfl.ai",
    custom: true,
    auth: "X-Key",
    tasks: {
      "text-to-image": custom(
        "`/v1/{providerId}` `{prompt, …}` → `polling_url`, polled (no token off-origin) until `Ready`, then `result.sample` downloaded",
      ),
    },
  },
  {
    name: "cerebras",
    error: {
      shape: "a top-level `{message, type, code}`",
      status: 404,
      body: {
        message: "Model org/model does not exist or you do not have access to it.",
        type: "not_found_error",
        param: "model",
        code: "model_not_found",
      },
      message: "Model org/model does not exist or you do not have access to it.",
    },
    baseUrl: "https://api.cerebras.ai",
    tape: "api.cerebras.ai/v1/chat/completions",
    tasks: { "chat-completion": chat("/v1/chat/completions") },
  },
  {
    name: "cohere",
    error: {
      shape: "`{id, message}`",
      status: 400,
      body: { id: "5b5c2f1e-3c9a-4a1b-9d5e-0c1f2a3b4c5d", message: "invalid request: messages must not be empty" },
      message: "invalid request: messages must not be empty",
    },
    baseUrl: "https://api.cohere.com",
    tape: "api.cohere.com/compatibility/v1/chat/completions",
    tasks: { "chat-completion": chat("/compatibility/v1/chat/completions") },
  },
  {
    name: "deepinfra",
    error: {
      shape: "`{detail: {error}}`",
      status: 404,
      body: { detail: { error: "Model is not available" } },
      message: "Model is not available",
    },
    baseUrl: "https://api.deepinfra.com",
    tasks: {
      "chat-completion": chat("/v1/openai/chat/completions"),
      "feature-extraction": embeddings("/v1/openai/embeddings"),
    },
  },
  {
    name: "fal-ai",
    baseUrl: "https://fal.run",
    custom: true,
    auth: "Key",
    notes: `Which tasks use fal's queue: the original wire contract says "queue tasks for slow ones" without naming them, so this follows huggingface_hub: image-to-image goes through the queue; text-to-image, automatic-speech-recognition and text-to-speech are synchronous at \`/{providerId}\` (text-to-video, queued there too, is not a task of ours). The queue's status and result URLs are rebuilt, as huggingface_hub does, from the path of the answer's \`response_url\` on the origin the request went to (the router, or queue.fal.run), so they never leave it whatever host the answer names; they carry the call's credentials, as the request did. Polling every 500 ms is bounded by the call's \`timeout\` and stops at once when its \`signal\` aborts. Result files are downloaded without any token.`,
    tasks: {
      "text-to-image": custom("`/{providerId}` `{prompt, image_size?, …}` → `images[0].url`, downloaded"),
      "image-to-image": custom(
        "fal's queue: `/{providerId}?_subdomain=queue` (own key: `https://queue.fal.run/{providerId}`) `{image_url: data URL, prompt?, …}` → `{request_id, response_url}`; `…/requests/{id}/status` polled until `COMPLETED`, `…/requests/{id}` read, `images[0].url` downloaded",
      ),
      "automatic-speech-recognition": custom("`/{providerId}` `{audio_url: data URL}` → `text`"),
      "text-to-speech": custom("`/{providerId}` `{text}` → `audio.url`, downloaded"),
    },
  },
  {
    name: "featherless-ai",
    error: {
      shape: "OpenAI's `{error: {message}}`",
      status: 400,
      body: {
        error: {
          message: "Model org/model is not available on your plan",
          type: "invalid_request_error",
          param: null,
          code: null,
        },
      },
      message: "Model org/model is not available on your plan",
    },
    baseUrl: "https://api.featherless.ai",
    tasks: { "chat-completion": chat("/v1/chat/completions"), "text-generation": completions("/v1/completions") },
  },
  {
    name: "fireworks-ai",
    error: {
      shape: "`{error: {object, type, message}}`",
      status: 404,
      body: {
        error: {
          object: "error",
          type: "invalid_request_error",
          message: "Model not found, inaccessible, and/or not deployed",
        },
      },
      message: "Model not found, inaccessible, and/or not deployed",
    },
    baseUrl: "https://api.fireworks.ai",
    tape: "api.fireworks.ai/inference/v1/chat/completions",
    tasks: { "chat-completion": chat("/inference/v1/chat/completions") },
  },
  {
    name: "groq",
    error: {
      shape: "OpenAI's `{error: {message, type, code}}`",
      status: 404,
      body: {
        error: {
          message: "The model `org/model` does not exist or you do not have access to it.",
          type: "invalid_request_error",
          param: null,
          code: "model_not_found",
        },
      },
      message: "The model `org/model` does not exist or you do not have access to it.",
    },
    baseUrl: "https://api.groq.com",
    tasks: { "chat-completion": chat("/openai/v1/chat/completions") },
  },
  {
    name: "hyperbolic",
    error: {
      shape: "vLLM's top-level `{object: error, message, type, code}`",
      status: 400,
      body: {
        object: "error",
        message: "max_tokens must be at least 1, got 0.",
        type: "BadRequestError",
        param: null,
        code: 400,
      },
      message: "max_tokens must be at least 1, got 0.",
    },
    baseUrl: "https://api.hyperbolic.xyz",
    custom: true,
    tape: "api.hyperbolic.xyz/v1/chat/completions",
    tasks: {
      "chat-completion": chat("/v1/chat/completions"),
      "text-generation": chatCompletions("/v1/chat/completions"),
      "text-to-image": custom(
        "`/v1/images/generations` `{prompt, model_name, width, height, steps, cfg_scale}` → `images[0].image` (base64)",
      ),
    },
  },
  {
    name: "nebius",
    error: {
      shape: "FastAPI's `{detail}`",
      status: 404,
      body: { detail: "Model 'org/model' not found" },
      message: "Model 'org/model' not found",
    },
    baseUrl: "https://api.studio.nebius.ai",
    tape: "api.studio.nebius.ai/v1/chat/completions",
    tasks: {
      "chat-completion": chat("/v1/chat/completions"),
      "text-generation": completions("/v1/completions"),
      "text-to-image": images("/v1/images/generations", "b64_json"),
      "feature-extraction": embeddings("/v1/embeddings"),
    },
  },
  {
    name: "novita",
    error: {
      shape: "`{code, reason, message, metadata}`",
      status: 404,
      body: { code: 404, reason: "MODEL_NOT_FOUND", message: "model not found", metadata: {} },
      message: "model not found",
    },
    baseUrl: "https://api.novita.ai",
    tape: "api.novita.ai/v3/openai/chat/completions",
    tasks: {
      "chat-completion": chat("/v3/openai/chat/completions"),
      "text-generation": completions("/v3/openai/completions"),
    },
  },
  {
    name: "nscale",
    error: {
      shape: "OpenAI's `{error: {message}}`",
      status: 429,
      body: {
        error: { message: "Rate limit exceeded", type: "rate_limit_error", param: null, code: "rate_limit_exceeded" },
      },
      message: "Rate limit exceeded",
    },
    baseUrl: "https://inference.api.nscale.com",
    tasks: {
      "chat-completion": chat("/v1/chat/completions"),
      "text-to-image": images("/v1/images/generations", "b64_json"),
    },
  },
  {
    name: "openai",
    error: {
      shape: "OpenAI's `{error: {message, type, code}}`",
      status: 401,
      body: {
        error: {
          message: "Incorrect API key provided: pr******ey.",
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      },
      message: "Incorrect API key provided: pr******ey.",
    },
    baseUrl: "https://api.openai.com",
    access: "direct",
    tape: "api.openai.com/v1/chat/completions",
    tasks: { "chat-completion": chat("/v1/chat/completions") },
  },
  {
    name: "ovhcloud",
    error: {
      shape: "vLLM's top-level `{object: error, message}`",
      status: 400,
      body: {
        object: "error",
        message: "This model's maximum context length is 8192 tokens.",
        type: "BadRequestError",
        param: null,
        code: 400,
      },
      message: "This model's maximum context length is 8192 tokens.",
    },
    baseUrl: "https://oai.endpoints.kepler.ai.cloud.ovh.net",
    tasks: { "chat-completion": chat("/v1/chat/completions") },
  },
  {
    name: "publicai",
    error: {
      shape: "OpenAI's `{error: {message}}`",
      status: 400,
      body: { error: { message: "messages: field required", type: "invalid_request_error", param: null, code: null } },
      message: "messages: field required",
    },
    baseUrl: "https://api.publicai.co",
    tasks: { "chat-completion": chat("/v1/chat/completions") },
  },
  {
    name: "replicate",
    baseUrl: "https://api.replicate.com",
    custom: true,
    tasks: {
      "text-to-image": custom(
        "`/v1/models/{providerId}/predictions` (or `/v1/predictions` with `version` for `owner/name:version`) `{input: {prompt, …}}`, `Prefer: wait` → `output` downloaded, or `urls.get` polled",
      ),
      "image-to-image": custom("a prediction with `{input: {image: data URL, prompt?, …}}` → `output` downloaded"),
      "automatic-speech-recognition": custom(
        "a prediction with `{input: {audio: data URL}}` → `output` (text or `{transcription}`)",
      ),
      "text-to-speech": custom("a prediction with `{input: {text}}` → `output` downloaded"),
    },
  },
  {
    name: "sambanova",
    error: {
      shape: "OpenAI's `{error: {message}}` with null code",
      status: 400,
      body: { error: { code: null, message: "Model not found", param: null, type: "invalid_request_error" } },
      message: "Model not found",
    },
    baseUrl: "https://api.sambanova.ai",
    tape: "api.sambanova.ai/v1/chat/completions",
    tasks: { "chat-completion": chat("/v1/chat/completions"), "feature-extraction": embeddings("/v1/embeddings") },
  },
  {
    name: "scaleway",
    error: {
      shape: "FastAPI's `{detail: [{loc, msg}]}`",
      status: 422,
      body: { detail: [{ loc: ["body", "messages"], msg: "Field required", type: "missing" }] },
      message: "body.messages: Field required",
    },
    baseUrl: "https://api.scaleway.ai",
    tasks: { "chat-completion": chat("/v1/chat/completions"), "feature-extraction": embeddings("/v1/embeddings") },
  },
  {
    name: "together",
    error: {
      shape: "OpenAI's `{error: {message, type, code}}`",
      status: 404,
      body: {
        error: {
          message:
            "Unable to access model org/model. Please visit https://api.together.ai/models to view the list of supported models.",
          type: "invalid_request_error",
          param: null,
          code: "model_not_available",
        },
      },
      message:
        "Unable to access model org/model. Please visit https://api.together.ai/models to view the list of supported models.",
    },
    baseUrl: "https://api.together.xyz",
    tape: "api.together.xyz/v1/chat/completions",
    tasks: {
      "chat-completion": chat("/v1/chat/completions"),
      "text-generation": completions("/v1/completions"),
      "text-to-image": images("/v1/images/generations", "base64", { num_inference_steps: "steps" }),
      "feature-extraction": embeddings("/v1/embeddings"),
    },
  },
  {
    name: "wavespeed",
    baseUrl: "https://api.wavespeed.ai",
    custom: true,
    tasks: {
      "text-to-image": custom(
        "`/api/v3/{providerId}` `{prompt, …}` → `data.urls.get` polled until `completed`, then `data.outputs[0]` downloaded",
      ),
      "image-to-image": custom("`/api/v3/{providerId}` `{image: data URL, prompt?, …}` → polled like text-to-image"),
    },
  },
  {
    name: "zai-org",
    error: {
      shape: "`{error: {code, message}}`",
      status: 400,
      body: { error: { code: "1211", message: "Unknown Model, please check the model code." } },
      message: "Unknown Model, please check the model code.",
    },
    baseUrl: "https://api.z.ai",
    custom: true,
    tasks: {
      "chat-completion": chat("/api/paas/v4/chat/completions", { headers: { "accept-language": "en-US,en" } }),
      "text-to-image": custom(
        '`/api/paas/v4/async/images/generations` `{prompt, model, size?: "{width}x{height}"}` → `{id}`; `/api/paas/v4/async-result/{id}` polled until `SUCCESS`, then `image_result[0].url` downloaded',
      ),
    },
    notes:
      "The original wire contract does not describe zai-org; text-to-image follows huggingface_hub's zai-org provider: the asynchronous images route, then the result route on the request's own origin (the router's `/zai-org`, or api.z.ai), polled every 500 ms with the call's credentials, bounded by its `timeout` and abortable. Only `width` and `height` (as `size`) are sent of the task's parameters: Z.ai's images API takes no negative prompt, steps or guidance. The image is downloaded without any token.",
  },
];

const UNSERVED_CANDIDATES = ["text-to-image", "chat-completion", "text-to-speech"];

const TASK_PACKAGES = {
  "chat-completion": ["@infer/task-chat-completion", "chatCompletion"],
  "text-generation": ["@infer/task-text-generation", "textGeneration"],
  "text-to-image": ["@infer/task-text-to-image", "textToImage"],
  "image-to-image": ["@infer/task-image-to-image", "imageToImage"],
  "automatic-speech-recognition": ["@infer/task-automatic-speech-recognition", "automaticSpeechRecognition"],
  "text-to-speech": ["@infer/task-text-to-speech", "textToSpeech"],
  "feature-extraction": ["@infer/task-feature-extraction", "featureExtraction"],
};

export const camel = (name) => name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());

/** What the run writes: repository-relative path → text. */
const outputs = new Map();

function write(path, text) {
  outputs.set(path, text.endsWith("\n") ? text : `${text}\n`);
}

function source(spec) {
  const helpers = new Set();
  const entries = Object.entries(spec.tasks).map(([task, adapter]) => {
    if (adapter.kind === "chat") {
      helpers.add("openAiChat");
      return `    "${task}": openAiChat("${adapter.path}"${adapter.headers ? `, ${JSON.stringify(adapter.headers)}` : ""}),`;
    }
    if (adapter.kind === "completions") {
      helpers.add("openAiCompletions");
      return `    "${task}": openAiCompletions("${adapter.path}"),`;
    }
    if (adapter.kind === "chat-completions") {
      helpers.add("openAiChatCompletions");
      return `    "${task}": openAiChatCompletions("${adapter.path}"),`;
    }
    if (adapter.kind === "embeddings") {
      helpers.add("openAiEmbeddings");
      return `    "${task}": openAiEmbeddings("${adapter.path}"),`;
    }
    if (adapter.kind === "images") {
      helpers.add("openAiImages");
      const rename = Object.keys(adapter.rename).length ? `, ${JSON.stringify(adapter.rename)}` : "";
      return `    "${task}": openAiImages("${adapter.path}", "${adapter.format}"${rename}),`;
    }
    throw new Error(`${spec.name}: ${task} is custom`);
  });
  const access = spec.access ? `\n  access: "${spec.access}",` : "";
  return `import { defineProvider, ${[...helpers].sort().join(", ")} } from "@infer/core/task-kit";

/**
 * ${spec.name}: ${Object.keys(spec.tasks).join(", ")}. Register it with \`createClient().with(task, ${camel(spec.name)})\`.
 * With an \`hf_\` token calls go through the router (\`{routerEndpoint}/${spec.name}/…\`)${spec.access ? " (not for openai: its own key only)" : ""}; with ${spec.name}'s own key
 * straight to ${spec.baseUrl}.
 */
export const ${camel(spec.name)} = defineProvider({
  providerName: "${spec.name}",
  baseUrl: "${spec.baseUrl}",${access}
  tasks: {
${entries.join("\n")}
  },
});
`;
}

function readme(spec) {
  const exportName = camel(spec.name);
  const [firstTask] = Object.keys(spec.tasks);
  const [taskPackage, method] = TASK_PACKAGES[firstTask];
  const rows = Object.entries(spec.tasks).map(([task, adapter]) => {
    const how =
      adapter.kind === "custom"
        ? adapter.description
        : adapter.kind === "chat"
          ? `OpenAI's chat at \`${adapter.path}\` (streams too); the body's \`model\` is the provider's id`
          : adapter.kind === "completions"
            ? `OpenAI's completions at \`${adapter.path}\`: \`{model, prompt, max_tokens, …}\` → \`choices[0].text\`; \`stream: true\` streams its chunks as TGI's stream items (token texts, or events with \`details\`: the last a special empty token with \`generated_text\` and \`details.finish_reason\`)`
            : adapter.kind === "chat-completions"
              ? `the prompt as one user message at \`${adapter.path}\` → \`choices[0].message.content\`; \`stream: true\` streams \`delta.content\` as TGI's stream items`
              : adapter.kind === "embeddings"
                ? `OpenAI's embeddings at \`${adapter.path}\`: \`{model, input}\` → \`data[].embedding\``
                : `\`${adapter.path}\` \`{prompt, model, response_format: "${adapter.format}", …}\` → \`data[0].b64_json\`, decoded to an image Blob`;
    return `| ${task} | \`${TASK_PACKAGES[task][1]}\` | ${how} |`;
  });
  const call =
    method === "chatCompletion"
      ? `await client.chatCompletion(\n  { messages: [{ role: "user", content: "Hello!" }], maxTokens: 100 },\n  { model: "meta-llama/Llama-3.1-8B-Instruct", provider: "${spec.name}" },\n);`
      : method === "textToImage"
        ? `const image = await client.textToImage("An astronaut riding a horse", {\n  model: "black-forest-labs/FLUX.1-dev",\n  provider: "${spec.name}",\n}); // a Blob, image/*`
        : `await client.${method}(/* … */ { provider: "${spec.name}" });`;
  const auth =
    spec.access === "direct"
      ? `openai is reached only with an OpenAI key as \`token\` (an \`hf_\` token is an \`InferenceInputError\`), and model ids are OpenAI's own (\`gpt-4o-mini\`): there is no mapping look-up.`
      : `With an \`hf_\` token (or none) calls go through the router, \`{routerEndpoint}/${spec.name}/…\`, with \`Authorization: Bearer\` (and \`X-HF-Bill-To\` for \`billTo\`). Any other token is ${spec.name}'s own key: calls go straight to ${spec.baseUrl} with ${spec.auth === "Key" ? "`Authorization: Key <key>`" : spec.auth === "X-Key" ? "`X-Key: <key>`" : "`Authorization: Bearer <key>`"}. The Hub id is mapped to ${spec.name}'s own id through the model's \`inferenceProviderMapping\` (fetched once per model).`;
  return `# @infer/provider-${spec.name}

The ${spec.name} inference provider for @infer: \`${exportName}\`, which \`with()\` takes beside tasks. It depends on
\`@infer/core\` alone; a bundle that does not import it carries none of it. \`@infer/inference\`'s \`InferenceClient\`
registers it already.

| task | method | on the wire |
| --- | --- | --- |
${rows.join("\n")}

\`\`\`ts
import { createClient } from "@infer/core";
import { ${method} } from "${taskPackage}";
import { ${exportName} } from "@infer/provider-${spec.name}";

const client = createClient({ token: process.env.HF_TOKEN }).with(${method}, ${exportName});
${call}
\`\`\`

${auth} Answers come back in the task's usual shape. A task ${spec.name} does not serve, or a model whose mapping
does not list ${spec.name}, is an \`InferenceInputError\` naming provider, model and task, before any inference request.
${spec.notes ? `\n${spec.notes}\n` : ""}`;
}

function packageJson(spec) {
  const devDependencies = { "@infer/testing": "workspace:*" };
  const needed = new Set([...Object.keys(spec.tasks), UNSERVED_CANDIDATES.find((task) => !spec.tasks[task])]);
  for (const task of [...needed].sort()) devDependencies[TASK_PACKAGES[task][0]] = "workspace:^";
  return JSON.stringify(
    {
      name: `@infer/provider-${spec.name}`,
      version: "0.1.0",
      description: `The ${spec.name} inference provider for @infer: ${Object.keys(spec.tasks).join(", ")}.`,
      license: "MIT",
      type: "module",
      sideEffects: false,
      engines: { node: ">=20.18.1" },
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
      main: "./dist/index.js",
      types: "./dist/index.d.ts",
      files: ["dist"],
      scripts: {
        build: "tsc -p tsconfig.build.json",
        prepack: "node ../../scripts/prepack.mjs",
        typecheck: "tsc -p tsconfig.json --noEmit",
        test: "vitest run --reporter=default --reporter=json --outputFile.json=.vitest-result.json",
      },
      dependencies: { "@infer/core": "workspace:^" },
      devDependencies,
    },
    null,
    2,
  );
}

function authExpectation(spec) {
  if (spec.auth === "Key") return `expect(request.headers["authorization"]).toBe("Key provider-key");`;
  if (spec.auth === "X-Key")
    return `expect(request.headers["x-key"]).toBe("provider-key");\n      expect(request.headers["authorization"]).toBeUndefined();`;
  return `expect(request.headers["authorization"]).toBe("Bearer provider-key");`;
}

function tests(spec) {
  const exportName = camel(spec.name);
  const standard = Object.entries(spec.tasks).filter(([, adapter]) => adapter.kind !== "custom");
  const used = new Set([
    ...standard.map(([task]) => task),
    UNSERVED_CANDIDATES.find((task) => !spec.tasks[task]),
    Object.keys(spec.tasks)[0],
  ]);
  const methods = [...used].sort().map((task) => TASK_PACKAGES[task][1]);
  const imports = [...used]
    .sort()
    .map((task) => `import { ${TASK_PACKAGES[task][1]} } from "${TASK_PACKAGES[task][0]}";`);
  const unservedTask = UNSERVED_CANDIDATES.find((task) => !spec.tasks[task]);
  const unserved = [
    TASK_PACKAGES[unservedTask][1],
    unservedTask === "chat-completion" ? `{ messages: [{ role: "user", content: "Hi" }] }` : `"An astronaut"`,
  ];
  const isDirect = spec.access === "direct";
  const blocks = [];
  for (const [task, adapter] of standard) {
    const model = `org/${task}-model`;
    const id = `${spec.name}/${task}-id`;
    const mappingTask = task === "chat-completion" ? "conversational" : task;
    const client = isDirect ? "direct()" : "routed()";
    const prefix = isDirect ? "/direct" : `/${spec.name}`;
    const setMapping = isDirect
      ? ""
      : `standIn.mapping(model, { "${spec.name}": { providerId: "${id}", task: "${mappingTask}" } });\n      `;
    const idInBody = isDirect ? "model" : `"${id}"`;
    const authLine = isDirect
      ? `expect(request.headers["authorization"]).toBe("Bearer provider-key");`
      : `expect(request.headers["authorization"]).toBe("Bearer hf_test");`;
    if (adapter.kind === "chat") {
      const answer = spec.tape
        ? `providerTapeJson("${spec.tape}").body as { choices: { message: { content: string } }[] }`
        : `{ id: "chat-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: "Hello from ${spec.name}" }, finish_reason: "stop" }] }`;
      blocks.push(`  describe("chat-completion", () => {
    const model = "${model}";
    const answer = ${answer};

    it("routes chat to ${prefix}${adapter.path} with ${isDirect ? "the model id as given" : "the provider's own model id"} and returns OpenAI's answer", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, answer));
      const output = await ${client}.chatCompletion({ messages: [{ role: "user", content: "Hello" }], maxTokens: 20 }, { model, provider: "${spec.name}" });
      const request = standIn.last("${prefix}${adapter.path}")!;
      expect(request.method).toBe("POST");
      ${authLine}
      expect(request.headers["content-type"]).toBe("application/json");${adapter.headers ? `\n      expect(request.headers["accept-language"]).toBe("en-US,en");` : ""}
      expect(request.json()).toEqual({ model: ${idInBody}, messages: [{ role: "user", content: "Hello" }], max_tokens: 20 });
      expect(output.choices[0]?.message.content).toBe(answer.choices[0]?.message.content);
    });

    it("streams chat chunks until [DONE]", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) =>
        sendEvents(response, [
          { choices: [{ index: 0, delta: { role: "assistant", content: "Hel" }, finish_reason: null }] },
          { choices: [{ index: 0, delta: { content: "lo" }, finish_reason: "stop" }] },
        ], { done: true }),
      );
      let text = "";
      for await (const chunk of await ${client}.chatCompletion({ messages: [{ role: "user", content: "Hi" }], stream: true }, { model, provider: "${spec.name}" })) {
        text += chunk.choices[0]?.delta.content ?? "";
      }
      const request = standIn.last("${prefix}${adapter.path}")!;
      expect(request.headers["accept"]).toBe("text/event-stream");
      expect(request.json()).toMatchObject({ model: ${idInBody}, stream: true });
      expect(text).toBe("Hello");
    });
${
  isDirect
    ? ""
    : `
    it("goes straight to ${spec.baseUrl} with ${spec.name}'s own key, and keeps that key from the Hub", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, answer));
      await direct().chatCompletion({ messages: [{ role: "user", content: "Hello" }] }, { model, provider: "${spec.name}" });
      const request = standIn.last("/direct${adapter.path}")!;
      ${authExpectation(spec)}
      expect(request.json()).toMatchObject({ model: "${id}" });
      expect(standIn.mappingRequests(model).at(-1)?.headers["authorization"]).toBeUndefined();
    });
`
}  });`);
    } else if (adapter.kind === "completions" || adapter.kind === "chat-completions") {
      const chatShaped = adapter.kind === "chat-completions";
      const answer = chatShaped
        ? `{ choices: [{ index: 0, message: { role: "assistant", content: " a city of love" }, finish_reason: "length" }] }`
        : `{ object: "text.completion", choices: [{ index: 0, text: " a city of love", finish_reason: "length" }] }`;
      const body = chatShaped
        ? `{ model: "${id}", messages: [{ role: "user", content: "Paris is" }], max_tokens: 10, temperature: 0.5, frequency_penalty: 0.25 }`
        : `{ model: "${id}", prompt: "Paris is", max_tokens: 10, temperature: 0.5, frequency_penalty: 0.25 }`;
      const streamBody = chatShaped
        ? `{ model: "${id}", messages: [{ role: "user", content: "Paris is" }], max_tokens: 3, stream: true }`
        : `{ model: "${id}", prompt: "Paris is", max_tokens: 3, stream: true }`;
      const chunk = (text, finish = null) =>
        chatShaped
          ? `{ choices: [{ index: 0, delta: { content: ${JSON.stringify(text)} }, finish_reason: ${JSON.stringify(finish)} }] }`
          : `{ object: "text_completion", choices: [{ index: 0, text: ${JSON.stringify(text)}, finish_reason: ${JSON.stringify(finish)}, logprobs: null }] }`;
      blocks.push(`  describe("text-generation", () => {
    const model = "${model}";

    it("sends the prompt to ${prefix}${adapter.path} and returns the generated text", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, ${answer}));
      const text = await ${client}.textGeneration("Paris is", { model, provider: "${spec.name}", maxNewTokens: 10, temperature: 0.5, frequencyPenalty: 0.25 });
      const request = standIn.last("${prefix}${adapter.path}")!;
      ${authLine}
      expect(request.json()).toEqual(${body});
      expect(text).toBe(" a city of love");
    });

    it("streams the chunks of ${prefix}${adapter.path} (stream: true, the provider's own id) as token texts", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) =>
        sendEvents(response, [${chunk("Paris")}, ${chunk(" is")}, ${chunk(" a city", "length")}], { done: true }),
      );
      const { items, error } = await collect(await ${client}.textGeneration("Paris is", { model, provider: "${spec.name}", stream: true, maxNewTokens: 3 }));
      const request = standIn.last("${prefix}${adapter.path}")!;
      expect(request.headers["accept"]).toBe("text/event-stream");
      expect(request.json()).toEqual(${streamBody});
      expect(error).toBeUndefined();
      expect(items).toEqual(["Paris", " is", " a city"]);
    });

    it("yields TGI's stream events with details, the last with generated_text and finish_reason, from a body split at every byte", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) =>
        sendEventsBytewise(response, [${chunk("naïve")}, ${chunk(" 🤗", "stop")}, { choices: [], usage: { prompt_tokens: 2, completion_tokens: 2 } }], { done: true }),
      );
      const { items, error } = await collect(await ${client}.textGeneration("Paris is", { model, provider: "${spec.name}", stream: true, details: true }));
      expect(error).toBeUndefined();
      expect(items.map((event) => event.token.text)).toEqual(["naïve", " 🤗", ""]);
      expect(items.slice(0, 2).every((event) => event.generated_text === null && !event.token.special)).toBe(true);
      expect(items[2]?.token.special).toBe(true);
      expect(items[2]?.generated_text).toBe("naïve 🤗");
      expect(items[2]?.details).toMatchObject({ finish_reason: "stop", generated_tokens: 2 });
    });

    it("throws a mid-stream error event as a typed TextGenerationError, after the tokens before it", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) =>
        sendEvents(response, [${chunk("Paris")}, { error: { message: "The model is overloaded", type: "overloaded" } }]),
      );
      const { items, error } = await collect(await ${client}.textGeneration("Paris is", { model, provider: "${spec.name}", stream: true }));
      expect(items).toEqual(["Paris"]);
      expect(error).toBeInstanceOf(OverloadedError);
      expect(TextGenerationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain("The model is overloaded");
    });

    it("throws IncompleteGenerationError when the stream ends before its finish", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendEvents(response, [${chunk("Paris")}]));
      const { items, error } = await collect(await ${client}.textGeneration("Paris is", { model, provider: "${spec.name}", stream: true }));
      expect(items).toEqual(["Paris"]);
      expect(error).toBeInstanceOf(IncompleteGenerationError);
    });
  });`);
    } else if (adapter.kind === "images") {
      const steps = adapter.rename.num_inference_steps ?? "num_inference_steps";
      blocks.push(`  describe("text-to-image", () => {
    const model = "${model}";

    it("sends {prompt, model, response_format} to ${prefix}${adapter.path} and decodes the base64 image to a Blob", async () => {
      const png = fixtureBytes("cheetah.png");
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, { data: [{ b64_json: png.toString("base64") }] }));
      const image = await ${client}.textToImage("An astronaut", { model, provider: "${spec.name}", width: 512, height: 256, numInferenceSteps: 4 });
      const request = standIn.last("${prefix}${adapter.path}")!;
      ${authLine}
      expect(request.headers["accept"]).toBeUndefined();
      expect(request.json()).toEqual({ prompt: "An astronaut", model: "${id}", response_format: "${adapter.format}", width: 512, height: 256, ${steps}: 4 });
      expect(image.type).toBe("image/png");
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    });
  });`);
    } else if (adapter.kind === "embeddings") {
      blocks.push(`  describe("feature-extraction", () => {
    const model = "${model}";

    it("sends {model, input} to ${prefix}${adapter.path} and returns one vector per text", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, { object: "list", data: [{ embedding: [0.25, -0.5] }, { embedding: [1, 0.125] }] }));
      const vectors = await ${client}.featureExtraction(["first", "second"], { model, provider: "${spec.name}" });
      const request = standIn.last("${prefix}${adapter.path}")!;
      ${authLine}
      expect(request.json()).toEqual({ model: "${id}", input: ["first", "second"] });
      expect(vectors).toEqual([[0.25, -0.5], [1, 0.125]]);
    });

    it("returns the one vector of a single text", async () => {
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, { data: [{ embedding: [0.75, 0.5] }] }));
      expect(await ${client}.featureExtraction("only", { model, provider: "${spec.name}" })).toEqual([0.75, 0.5]);
    });
  });`);
    }
  }
  const badInput = isDirect
    ? `  describe("bad input", () => {
    it("rejects a Hugging Face token, naming the provider, before any request", async () => {
      const before = standIn.server.requests.length;
      const error = await routed().chatCompletion({ messages: [{ role: "user", content: "Hi" }] }, { model: "gpt-4o-mini", provider: "openai" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "openai", model "gpt-4o-mini", task "chat-completion"');
      expect(standIn.server.requests.length).toBe(before);
    });

    it("rejects a task it does not serve before any request", async () => {
      const before = standIn.server.requests.length;
      await expect(direct().${unserved[0]}(${unserved[1]}, { model: "gpt-4o-mini", provider: "openai" })).rejects.toBeInstanceOf(InferenceInputError);
      expect(standIn.server.requests.length).toBe(before);
    });
  });`
    : `  describe("bad input", () => {
    it("rejects a task ${spec.name} does not serve, naming provider, model and task, before any request", async () => {
      const before = standIn.server.requests.length;
      const error = await routed().${unserved[0]}(${unserved[1]}, { model: "org/any-model", provider: "${spec.name}" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toMatch(/"${spec.name}".*"org\\/any-model".*"${unservedTask}"/);
      expect(standIn.server.requests.length).toBe(before);
    });

    it("rejects a model whose mapping does not list ${spec.name}, after the look-up and before any inference request", async () => {
      standIn.mapping("org/elsewhere", { "other-provider": { providerId: "x", task: "${Object.keys(spec.tasks)[0] === "chat-completion" ? "conversational" : Object.keys(spec.tasks)[0]}" } });
      const before = standIn.server.requests.length;
      const error = await routed().${TASK_PACKAGES[Object.keys(spec.tasks)[0]][1]}(${Object.keys(spec.tasks)[0] === "chat-completion" ? `{ messages: [{ role: "user", content: "Hi" }] }` : Object.keys(spec.tasks)[0] === "text-to-image" || Object.keys(spec.tasks)[0] === "text-to-speech" ? `"Hi"` : `fixtureBytes("${Object.keys(spec.tasks)[0] === "automatic-speech-recognition" ? "sample1.flac" : "cheetah.png"}")`}, { model: "org/elsewhere", provider: "${spec.name}" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceInputError);
      expect((error as Error).message).toContain('provider "${spec.name}", model "org/elsewhere", task "${Object.keys(spec.tasks)[0]}"');
      expect(standIn.server.requests.slice(before).map((request) => request.url)).toEqual(["/api/models/org/elsewhere?expand[]=inferenceProviderMapping"]);
    });
  });`;
  const errorBlock = errorTest(spec, standard);
  const body = `describe("@infer/provider-${spec.name}", () => {
  it("is a provider named ${spec.name} serving ${Object.keys(spec.tasks).join(", ")}", () => {
    expect(${exportName}.providerName).toBe("${spec.name}");
    expect(Object.keys(${exportName}.tasks).sort()).toEqual(${JSON.stringify(Object.keys(spec.tasks).sort())});
  });

${[...blocks, badInput, ...(errorBlock ? [errorBlock] : [])].join("\n\n")}
});
`;
  const uses = (name) => new RegExp(`\\b${name}\\b`).test(body);
  const core = [
    "clearProviderMappings",
    "createClient",
    "IncompleteGenerationError",
    "InferenceHTTPError",
    "InferenceInputError",
    "OverloadedError",
    "TextGenerationError",
  ].filter((name) => name === "clearProviderMappings" || name === "createClient" || uses(name));
  const testing = [
    "fixtureBytes",
    "providerTapeJson",
    "sendEvents",
    "sendEventsBytewise",
    "sendJson",
    "startProviderStandIn",
  ].filter((name) => name === "startProviderStandIn" || uses(name));
  const collect = uses("collect")
    ? `
async function collect<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}
`
    : "";
  const directClient = uses("direct")
    ? `const direct = () =>
  createClient({ token: "provider-key", hubEndpoint: standIn.url, retry: false, fetch: standIn.directFetch(${exportName}.baseUrl) }).with(
    ${methods.join(", ")},
    ${exportName},
  );
`
    : "";
  const handWritten = spec.custom ? ` Its own tasks' tests are hand-written, in ${spec.name}-tasks.test.ts.` : "";
  return `// Generated by scripts/generate-providers.mjs (edit the generator, not this file): ${spec.name}'s contract tests
// (its OpenAI-compatible tasks, bad input and error answers) against a loopback router + Hub (and ${spec.name}'s own
// base, reached through \`fetch\`).${handWritten}
import { ${core.join(", ")} } from "@infer/core";
import { ${testing.join(", ")}, type ProviderStandIn } from "@infer/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
${imports.join("\n")}
import { ${exportName} } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const routed = () =>
  createClient({ token: "hf_test", routerEndpoint: standIn.url, hubEndpoint: standIn.url, retry: false }).with(${methods.join(", ")}, ${exportName});
${directClient}${collect}
${body}`;
}

/** A provider's error answer, in its own JSON shape, surfaces as InferenceHTTPError with its status and message. */
function errorTest(spec, standard) {
  if (!spec.error || standard.length === 0) return undefined;
  const [task, adapter] = standard[0];
  const isDirect = spec.access === "direct";
  const model = `org/${task}-model`;
  const setMapping = isDirect
    ? ""
    : `standIn.mapping(model, { "${spec.name}": { providerId: "${spec.name}/${task}-id", task: "${task === "chat-completion" ? "conversational" : task}" } });\n      `;
  const call =
    task === "chat-completion"
      ? `chatCompletion({ messages: [{ role: "user", content: "Hi" }] }, { model, provider: "${spec.name}" })`
      : `${TASK_PACKAGES[task][1]}(${task === "feature-extraction" ? `"Hi"` : `"Hi"`}, { model, provider: "${spec.name}" })`;
  return `  describe("error answers", () => {
    it("surfaces ${spec.name}'s error JSON (${spec.error.shape}) as InferenceHTTPError with its status and message", async () => {
      const model = "${model}";
      ${setMapping}standIn.on("${adapter.path}", (_request, response) => sendJson(response, ${JSON.stringify(spec.error.body)}, ${spec.error.status}));
      const error = await ${isDirect ? "direct()" : "routed()"}.${call}.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(${spec.error.status});
      expect((error as InferenceHTTPError).serverMessage).toBe(${JSON.stringify(spec.error.message)});
      expect((error as Error).message).toContain(${JSON.stringify(spec.error.message)});
    });
  });`;
}

// Run only as a script (the PROVIDERS table is imported by tests and docs checks too).
if (process.argv[1] === fileURLToPath(import.meta.url)) generate(process.argv.includes("--check"));

function generate(check) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const spec of PROVIDERS) collectProvider(spec, existsSync(join(root, `packages/provider-${spec.name}`)));
  // The formatter (the repository's biome.jsonc) makes the templates' layout exact; it leaves Markdown alone.
  const target = check ? mkdtempSync(join(tmpdir(), "generate-providers-")) : root;
  for (const [path, text] of outputs) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text);
  }
  const biome = join(root, "node_modules/.bin/biome");
  const formatted = spawnSync(
    biome,
    [
      "format",
      "--write",
      `--config-path=${join(root, "biome.jsonc")}`,
      "--vcs-enabled=false",
      ...[...outputs.keys()].filter((path) => !path.endsWith(".md")),
    ],
    { cwd: target, encoding: "utf8" },
  );
  if (formatted.status !== 0) {
    console.error(formatted.stdout, formatted.stderr);
    throw new Error("generate-providers: biome format failed");
  }
  if (!check) return console.log(`${PROVIDERS.length} providers, ${outputs.size} files written`);
  const differing = [...outputs.keys()].filter((path) => {
    const committed = join(root, path);
    return !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(target, path), "utf8");
  });
  rmSync(target, { recursive: true, force: true });
  if (differing.length > 0) {
    console.error(
      `generate-providers --check: these files differ from what the generator writes (run node scripts/generate-providers.mjs and review the diff):\n  ${differing.join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log(
    `generate-providers --check: the ${outputs.size} generated files of ${PROVIDERS.length} providers are up to date`,
  );
}

function collectProvider(spec, exists) {
  const directory = `packages/provider-${spec.name}`;
  write(`${directory}/package.json`, packageJson(spec));
  write(
    `${directory}/tsconfig.json`,
    JSON.stringify(
      { extends: "../../tsconfig.base.json", compilerOptions: { noEmit: true }, include: ["src"] },
      null,
      2,
    ),
  );
  write(
    `${directory}/tsconfig.build.json`,
    JSON.stringify(
      {
        extends: "../../tsconfig.base.json",
        compilerOptions: { rootDir: "src", outDir: "dist" },
        include: ["src"],
        exclude: ["src/**/*.test.ts"],
      },
      null,
      2,
    ),
  );
  write(
    `${directory}/vitest.config.ts`,
    `// Shared test defaults (timeouts that fit a loaded 2-core CI machine): see vitest.shared.ts at the root.\nexport { default } from "../../vitest.shared.js";`,
  );
  write(`${directory}/README.md`, readme(spec));
  // The first release only: once `changeset version` has consumed it, a re-run must not bump the package again.
  if (!exists)
    write(
      `.changeset/provider-${spec.name}.md`,
      `---\n"@infer/provider-${spec.name}": minor\n---\n\nFirst release: \`${camel(spec.name)}\`, the ${spec.name} inference provider (${Object.keys(spec.tasks).join(", ")}), for \`with()\`.\n`,
    );
  write(`${directory}/src/index.ts`, `export { ${camel(spec.name)} } from "./${spec.name}.js";`);
  if (!spec.custom) write(`${directory}/src/${spec.name}.ts`, source(spec));
  else if (!exists)
    console.warn(`custom provider: write ${directory}/src/${spec.name}.ts (and its task tests) by hand`);
  write(`${directory}/src/${spec.name}.test.ts`, tests(spec));
}
