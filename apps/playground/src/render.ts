// Shows an answer the way people expect it: score bars, images, audio, boxes and masks over the image.
import type { OutputKind, TableValue, Values } from "./tasks.js";

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
const COLORS = [
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
  "#bfef45",
  "#469990",
  "#9a6324",
];

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => value !== null && typeof value === "object" && !Array.isArray(value);
const percent = (score: number) => `${(score * 100).toFixed(1)}%`;

/** Score bars, best first as the server ordered them. */
export function labelBars(items: { label: string; score: number }[]): HTMLElement {
  const list = element("ol", { class: "labels", "data-testid": "labels" });
  for (const { label, score } of items) {
    const fill = element("span", { class: "fill" });
    fill.style.width = percent(Math.max(0, Math.min(1, score)));
    list.append(
      element(
        "li",
        { "data-label": label, "data-score": String(score) },
        element("span", { class: "name" }, label),
        element("span", { class: "bar" }, fill),
        element("span", { class: "score" }, percent(score)),
      ),
    );
  }
  return list;
}

function asLabels(result: unknown): { label: string; score: number }[] {
  if (!Array.isArray(result)) return [];
  return result.filter(isRow).map((row) => ({
    label: String(row["label"] ?? row["token_str"] ?? row["answer"] ?? row["sequence"] ?? ""),
    score: Number(row["score"] ?? 0),
  }));
}

async function imageOf(file: File | Blob): Promise<HTMLImageElement> {
  const image = element("img", { src: URL.createObjectURL(file), alt: file instanceof File ? file.name : "image" });
  await image.decode();
  return image;
}

/** The image with each detected box drawn over it, at the image's own pixel scale. */
async function boxes(result: unknown, picture: File | undefined): Promise<HTMLElement> {
  const detections = Array.isArray(result) ? result.filter(isRow) : [];
  const figure = element("figure", { class: "overlay", "data-testid": "boxes" });
  if (picture) {
    const image = await imageOf(picture);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${image.naturalWidth} ${image.naturalHeight}`);
    svg.setAttribute("preserveAspectRatio", "none");
    const stroke = Math.max(2, Math.round(image.naturalWidth / 200));
    detections.forEach((detection, index) => {
      const box = detection["box"] as Record<string, number>;
      const color = COLORS[index % COLORS.length] as string;
      const rect = document.createElementNS(SVG, "rect");
      const attributes: Record<string, string> = {
        x: String(box["xmin"]),
        y: String(box["ymin"]),
        width: String((box["xmax"] ?? 0) - (box["xmin"] ?? 0)),
        height: String((box["ymax"] ?? 0) - (box["ymin"] ?? 0)),
        fill: "none",
        stroke: color,
        "stroke-width": String(stroke),
        "data-label": String(detection["label"]),
        "data-score": String(detection["score"]),
      };
      for (const [name, value] of Object.entries(attributes)) rect.setAttribute(name, value);
      const caption = document.createElementNS(SVG, "text");
      caption.setAttribute("x", String((box["xmin"] ?? 0) + stroke));
      caption.setAttribute("y", String((box["ymin"] ?? 0) + stroke * 8));
      caption.setAttribute("fill", color);
      caption.setAttribute("font-size", String(stroke * 7));
      caption.textContent = `${String(detection["label"])} ${percent(Number(detection["score"]))}`;
      svg.append(rect, caption);
    });
    figure.append(image, svg);
  }
  figure.append(labelBars(asLabels(detections)));
  return figure;
}

/** The image with each segment's mask painted over it in its own colour, and a legend. */
async function masks(result: unknown, picture: File | undefined): Promise<HTMLElement> {
  const segments = Array.isArray(result) ? result.filter(isRow) : [];
  const figure = element("figure", { class: "masks", "data-testid": "masks" });
  const legend = element("ul", { class: "legend" });
  let canvas: HTMLCanvasElement | undefined;
  let context: CanvasRenderingContext2D | null = null;
  if (picture) {
    const base = await createImageBitmap(picture);
    canvas = element("canvas", { width: String(base.width), height: String(base.height) });
    context = canvas.getContext("2d");
    context?.drawImage(base, 0, 0);
  }
  for (const [index, segment] of segments.entries()) {
    const color = COLORS[index % COLORS.length] as string;
    const mask = segment["mask"];
    const bitmap = canvas && mask instanceof Blob ? await createImageBitmap(mask).catch(() => undefined) : undefined;
    if (canvas && context && bitmap) {
      const layer = new OffscreenCanvas(canvas.width, canvas.height);
      const layerContext = layer.getContext("2d")!;
      layerContext.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const pixels = layerContext.getImageData(0, 0, canvas.width, canvas.height);
      const [red, green, blue] = [1, 3, 5].map((offset) => parseInt(color.slice(offset, offset + 2), 16)) as [
        number,
        number,
        number,
      ];
      for (let i = 0; i < pixels.data.length; i += 4) {
        const on = (pixels.data[i] ?? 0) > 127;
        pixels.data[i] = red;
        pixels.data[i + 1] = green;
        pixels.data[i + 2] = blue;
        pixels.data[i + 3] = on ? 120 : 0;
      }
      layerContext.putImageData(pixels, 0, 0);
      context.drawImage(layer, 0, 0);
    }
    const swatch = element("span", { class: "swatch" });
    swatch.style.background = color;
    const score = typeof segment["score"] === "number" ? ` ${percent(segment["score"])}` : "";
    const unreadable = mask instanceof Blob && !bitmap ? " (mask unreadable)" : "";
    legend.append(
      element(
        "li",
        { "data-label": String(segment["label"]) },
        swatch,
        `${String(segment["label"])}${score}${unreadable}`,
      ),
    );
  }
  if (canvas) figure.append(canvas);
  figure.append(legend);
  return figure;
}

function entities(result: unknown, source: string): HTMLElement {
  const found = (Array.isArray(result) ? result.filter(isRow) : []).sort(
    (a, b) => Number(a["start"]) - Number(b["start"]),
  );
  const paragraph = element("p", { class: "entities", "data-testid": "entities" });
  let at = 0;
  for (const [index, entity] of found.entries()) {
    const start = Number(entity["start"]);
    const end = Number(entity["end"]);
    if (!(start >= at && end > start && end <= source.length)) continue;
    paragraph.append(source.slice(at, start));
    const group = String(entity["entity_group"] ?? entity["entity"] ?? "");
    const mark = element(
      "mark",
      { "data-entity": group, title: `${group} ${percent(Number(entity["score"]))}` },
      source.slice(start, end),
      element("small", {}, group),
    );
    mark.style.background = `${COLORS[index % COLORS.length] as string}33`;
    paragraph.append(mark);
    at = end;
  }
  paragraph.append(source.slice(at));
  return paragraph;
}

function tableView(
  table: TableValue,
  extra?: { name: string; values: string[] },
  highlight: [number, number][] = [],
): HTMLTableElement {
  const columns = Object.keys(table);
  const rows = Math.max(0, ...columns.map((column) => table[column]?.length ?? 0));
  const head = element("tr", {}, ...columns.map((column) => element("th", {}, column)));
  if (extra) head.append(element("th", { class: "predicted" }, extra.name));
  const view = element("table", { class: "table-view" }, element("thead", {}, head));
  const body = element("tbody");
  for (let row = 0; row < rows; row++) {
    const line = element("tr");
    columns.forEach((column, index) => {
      const cell = element("td", {}, table[column]?.[row] ?? "");
      if (highlight.some(([r, c]) => r === row && c === index)) cell.className = "hit";
      line.append(cell);
    });
    if (extra) line.append(element("td", { class: "predicted", "data-testid": "prediction" }, extra.values[row] ?? ""));
    body.append(line);
  }
  view.append(body);
  return view;
}

/** Renders a finished (non-streamed) answer. */
export async function renderResult(kind: OutputKind, result: unknown, values: Values): Promise<HTMLElement> {
  const picture = values["image"] instanceof File ? values["image"] : undefined;
  switch (kind) {
    case "labels":
      return labelBars(asLabels(result));
    case "scores": {
      const others = String(values["others"] ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return labelBars(
        (Array.isArray(result) ? result : []).map((score, index) => ({
          label: others[index] ?? `#${index + 1}`,
          score: Number(score),
        })),
      );
    }
    case "text":
    case "stream": {
      const answer = isRow(result)
        ? (result["text"] ?? result["generated_text"] ?? result["summary_text"] ?? result["translation_text"])
        : result;
      const shown = Array.isArray(answer)
        ? answer.map((item) => (isRow(item) ? Object.values(item)[0] : item)).join("\n")
        : answer;
      return element("p", { class: "generated", "data-testid": "text" }, String(shown));
    }
    case "image":
      return element(
        "figure",
        { "data-testid": "image", "data-size": String((result as Blob).size), "data-type": (result as Blob).type },
        await imageOf(result as Blob),
      );
    case "audio":
      return element(
        "figure",
        { "data-testid": "audio", "data-size": String((result as Blob).size), "data-type": (result as Blob).type },
        element("audio", { controls: "", src: URL.createObjectURL(result as Blob) }),
        element("figcaption", {}, `${(result as Blob).type || "audio"}, ${(result as Blob).size} bytes`),
      );
    case "boxes":
      return boxes(result, picture);
    case "masks":
      return masks(result, picture);
    case "entities":
      return entities(result, String(values["text"] ?? ""));
    case "answer": {
      const answer = Array.isArray(result) ? result[0] : result;
      const row = isRow(answer) ? answer : {};
      return element(
        "p",
        { class: "answer", "data-testid": "answer" },
        element("strong", {}, String(row["answer"] ?? "")),
        typeof row["score"] === "number" ? element("span", { class: "score" }, ` ${percent(row["score"])}`) : "",
      );
    }
    case "table-answer": {
      const row = isRow(result) ? result : {};
      const coordinates = Array.isArray(row["coordinates"]) ? (row["coordinates"] as [number, number][]) : [];
      return element(
        "div",
        { "data-testid": "table-answer" },
        element("p", { class: "answer" }, element("strong", {}, String(row["answer"] ?? ""))),
        tableView((values["table"] as TableValue | undefined) ?? {}, undefined, coordinates),
      );
    }
    case "predictions":
      return tableView((values["table"] as TableValue | undefined) ?? {}, {
        name: "prediction",
        values: (Array.isArray(result) ? result : []).map(String),
      });
    case "vector": {
      const flat = (Array.isArray(result) ? result : []).flat(4) as number[];
      return element(
        "p",
        { class: "vector", "data-testid": "vector" },
        `${flat.length} numbers: [${flat
          .slice(0, 8)
          .map((value) => Number(value).toFixed(4))
          .join(", ")}${flat.length > 8 ? ", …" : ""}]`,
      );
    }
    case "json":
      return element("pre", { class: "json", "data-testid": "json" }, JSON.stringify(result, null, 2));
  }
}
