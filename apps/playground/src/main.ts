// The playground: pick a task, a provider and a model, give inputs, run, and see the answer, the request
// that was sent and the code of the same call. Endpoint and token live in this page's memory only.
import { createClient, DEFAULT_ROUTER_ENDPOINT } from "@infer/core";
import { createInput, type Input } from "./inputs.js";
import { createRecorder, type SentRequest } from "./recorder.js";
import { element, renderResult } from "./render.js";
import { snippet } from "./snippet.js";
import { AUTO, DEFAULT_PROVIDER, providersFor, providersNeeded } from "./providers.js";
import { findTask, TASKS, type TaskSpec, type Values } from "./tasks.js";
import "./style.css";

const query = new URLSearchParams(location.search);
const defaultEndpoint =
  query.get("endpoint") ?? (import.meta.env["VITE_INFER_ENDPOINT"] as string | undefined) ?? location.origin;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const endpointInput = $<HTMLInputElement>("#endpoint");
const hubInput = $<HTMLInputElement>("#hub");
const routerInput = $<HTMLInputElement>("#router");
const tokenInput = $<HTMLInputElement>("#token");
const taskSelect = $<HTMLSelectElement>("#task");
const providerSelect = $<HTMLSelectElement>("#provider");
const modelInput = $<HTMLInputElement>("#model");
const modelList = $<HTMLDataListElement>("#models");
const modelNote = $<HTMLElement>("#model-note");
const fieldsBox = $<HTMLElement>("#fields");
const form = $<HTMLFormElement>("#call");
const runButton = $<HTMLButtonElement>("#run");
const statusLine = $<HTMLElement>("#status");
const loadingNote = $<HTMLElement>("#loading");
const resultBox = $<HTMLElement>("#result");
const errorBox = $<HTMLElement>("#error");
const requestBox = $<HTMLElement>("#request");
const snippetBox = $<HTMLElement>("#snippet");
const copyButton = $<HTMLButtonElement>("#copy");

endpointInput.value = defaultEndpoint;
hubInput.value = query.get("hub") ?? defaultEndpoint;
routerInput.value =
  query.get("router") ?? (import.meta.env["VITE_INFER_ROUTER"] as string | undefined) ?? DEFAULT_ROUTER_ENDPOINT;
for (const task of TASKS) taskSelect.append(element("option", { value: task.id }, task.title));
taskSelect.value = findTask(query.get("task"))?.id ?? "text-classification";
let wantedProvider = query.get("provider") ?? DEFAULT_PROVIDER;

let inputs: Map<string, Input> = new Map();
let recommended: Record<string, string[]> = {};
let recommendedFrom = "";
let running: AbortController | undefined;

function currentTask(): TaskSpec {
  return findTask(taskSelect.value) ?? (TASKS[0] as TaskSpec);
}

function setStatus(state: "idle" | "running" | "loading" | "streaming" | "done" | "error", text: string): void {
  statusLine.dataset["state"] = state;
  statusLine.textContent = text;
}

/** hf-inference, "auto", and the provider packages serving the task; the choice is kept where it still fits. */
function showProviders(task: TaskSpec): void {
  const names = [DEFAULT_PROVIDER, AUTO, ...providersFor(task.id).map((provider) => provider.name)];
  providerSelect.replaceChildren(
    ...names.map((name) => {
      const spec = providersFor(task.id).find((provider) => provider.name === name);
      return element("option", { value: name }, spec ? `${name} (${spec.packageName})` : name);
    }),
  );
  providerSelect.value = names.includes(wantedProvider) ? wantedProvider : DEFAULT_PROVIDER;
}

function showTask(): void {
  const task = currentTask();
  showProviders(task);
  inputs = new Map(task.fields.map((field) => [field.name, createInput(field)]));
  fieldsBox.replaceChildren(...[...inputs.values()].map((input) => input.node));
  const models = (task.modelTasks ?? [task.id]).flatMap((id) => recommended[id] ?? []);
  modelList.replaceChildren(...models.map((model) => element("option", { value: model })));
  modelInput.value = models[0] ?? "";
  if (recommendedFrom !== "") {
    modelNote.textContent =
      models.length > 0
        ? `recommended by ${recommendedFrom}/api/tasks`
        : `${recommendedFrom}/api/tasks recommends no model for this task: enter one`;
  }
  resultBox.replaceChildren();
  errorBox.replaceChildren();
  setStatus("idle", "");
}

/** Reads `GET {hub}/api/tasks` for each task's recommended models. */
async function loadRecommended(): Promise<void> {
  const hub = hubInput.value.replace(/\/+$/, "");
  if (hub === recommendedFrom) return;
  try {
    const response = await fetch(`${hub}/api/tasks`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const tasks = (await response.json()) as Record<string, { widgetModels?: string[] }>;
    recommended = Object.fromEntries(Object.entries(tasks).map(([id, task]) => [id, task.widgetModels ?? []]));
    recommendedFrom = hub;
  } catch (error) {
    recommended = {};
    recommendedFrom = "";
    modelNote.textContent = `no recommended models (${hub}/api/tasks: ${error instanceof Error ? error.message : String(error)})`;
    return;
  }
  showTask();
}

function values(): Values {
  return Object.fromEntries([...inputs].map(([name, input]) => [name, input.value()]));
}

function showRequests(requests: SentRequest[]): void {
  requestBox.textContent = requests
    .map((request) =>
      [
        `${request.method} ${request.url}${request.status === undefined ? "" : `  → ${request.status}`}`,
        ...request.headers.map(([name, value]) => `${name}: ${value}`),
        request.body ? `\n${request.body}` : "",
      ].join("\n"),
    )
    .join("\n\n");
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = error as Error & { status?: number; argument?: string; url?: string };
  const details = [
    fields.status !== undefined ? `status ${fields.status}` : "",
    fields.argument !== undefined ? `argument ${fields.argument}` : "",
    fields.url !== undefined ? `url ${fields.url}` : "",
  ].filter(Boolean);
  return `${error.name}: ${error.message}${details.length ? `\n(${details.join(", ")})` : ""}`;
}

async function run(): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const task = currentTask();
  const given = values();
  const provider = providerSelect.value === DEFAULT_PROVIDER ? undefined : providerSelect.value;
  const needed = providersNeeded(task.id, providerSelect.value);
  const model = modelInput.value.trim();
  const settings = {
    endpoint: endpointInput.value.trim(),
    hubEndpoint: hubInput.value.trim(),
    routerEndpoint: routerInput.value.trim(),
    hasToken: tokenInput.value !== "",
    model,
    provider,
    providers: needed,
  };
  snippetBox.textContent = snippet(task, given, settings);
  resultBox.replaceChildren();
  errorBox.replaceChildren();
  requestBox.textContent = "";
  loadingNote.hidden = true;
  setStatus("running", `Running ${task.title}…`);
  const recorder = createRecorder(
    () => showRequests(recorder.requests),
    (estimate, message) => {
      loadingNote.hidden = false;
      loadingNote.dataset["estimate"] = String(estimate ?? "");
      loadingNote.textContent = `${model || "The model"} is loading${estimate === undefined ? "" : ` (estimated ${estimate.toFixed(1)} s)`}; waiting for it. Server said: ${message}`;
      setStatus("loading", "Waiting for the model to load…");
    },
  );
  const client = createClient({
    endpoint: settings.endpoint,
    hubEndpoint: settings.hubEndpoint,
    ...(settings.routerEndpoint ? { routerEndpoint: settings.routerEndpoint } : {}),
    token: tokenInput.value === "" ? false : tokenInput.value,
    fetch: recorder.fetch,
    signal: controller.signal,
  });
  const options: Record<string, unknown> = { ...(task.options?.(given) ?? {}) };
  if (model) options["model"] = model;
  if (provider) options["provider"] = provider;
  runButton.disabled = true;
  const started = performance.now();
  try {
    if (needed.length > 0) setStatus("running", `Loading ${needed.map((spec) => spec.packageName).join(", ")}…`);
    const [call, providers] = await Promise.all([task.load(), Promise.all(needed.map((spec) => spec.load()))]);
    if (needed.length > 0) setStatus("running", `Running ${task.title} through ${providerSelect.value}…`);
    const result = await call(providers.length > 0 ? client.with(...providers) : client, ...task.args(given), options);
    if (task.output === "stream") {
      const output = element("p", { class: "generated", "data-testid": "text", "data-tokens": "0" });
      resultBox.replaceChildren(output);
      let count = 0;
      for await (const piece of result as AsyncIterable<unknown>) {
        const text = typeof piece === "string" ? piece : chunkText(piece);
        if (!text) continue;
        count++;
        output.append(text);
        output.dataset["tokens"] = String(count);
        loadingNote.hidden = true;
        setStatus("streaming", `Streaming: ${count} tokens`);
      }
    } else {
      resultBox.replaceChildren(await renderResult(task.output, result, given));
    }
    loadingNote.hidden = true;
    setStatus("done", `Done in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    loadingNote.hidden = true;
    errorBox.replaceChildren(element("pre", { "data-testid": "error" }, describeError(error)));
    setStatus("error", "Failed");
  } finally {
    runButton.disabled = false;
    if (running === controller) running = undefined;
  }
}

function chunkText(chunk: unknown): string {
  const choice = (chunk as { choices?: { delta?: { content?: string | null } }[] }).choices?.[0];
  return choice?.delta?.content ?? "";
}

taskSelect.addEventListener("change", showTask);
providerSelect.addEventListener("change", () => {
  wantedProvider = providerSelect.value;
});
hubInput.addEventListener("change", () => void loadRecommended());
endpointInput.addEventListener("change", () => {
  if (!query.get("hub") && hubInput.value === recommendedFrom) {
    hubInput.value = endpointInput.value.trim();
    void loadRecommended();
  }
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void run();
});
copyButton.addEventListener("click", () => {
  const text = snippetBox.textContent ?? "";
  void navigator.clipboard.writeText(text).then(
    () => (copyButton.textContent = "Copied"),
    () => {
      getSelection()?.selectAllChildren(snippetBox);
      copyButton.textContent = "Selected: press Ctrl+C";
    },
  );
  setTimeout(() => (copyButton.textContent = "Copy"), 2_000);
});

showTask();
void loadRecommended();
