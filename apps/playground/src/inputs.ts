// The input widgets: text fields, a drop zone for images and audio, and a small table editor.
import { element } from "./render.js";
import type { Field, FieldValue, TableValue } from "./tasks.js";

export interface Input {
  node: HTMLElement;
  value(): FieldValue;
}

export function createInput(field: Field): Input {
  const id = `field-${field.name}`;
  const label = element("label", { for: id }, field.label);
  if (field.kind === "image" || field.kind === "audio") return dropZone(field, id, label);
  if (field.kind === "table") return tableEditor(field, label);
  const initial = typeof field.initial === "string" ? field.initial : "";
  const control =
    field.kind === "textarea" || field.kind === "lines"
      ? element("textarea", { id, name: field.name, rows: field.kind === "lines" ? "4" : "3" })
      : element("input", { id, name: field.name, type: field.kind === "number" ? "number" : "text" });
  control.value = initial;
  return { node: element("div", { class: "field" }, label, control), value: () => control.value };
}

function dropZone(field: Field, id: string, label: HTMLElement): Input {
  let file: File | undefined;
  const input = element("input", { id, name: field.name, type: "file", accept: `${field.kind}/*` });
  const preview = element(
    "div",
    { class: "preview" },
    `Drop ${field.kind === "image" ? "an image" : "an audio file"} here, or choose one`,
  );
  const zone = element("div", { class: "drop", tabindex: "0" }, preview, input);
  const show = (chosen: File | undefined) => {
    file = chosen;
    if (!chosen) return;
    const url = URL.createObjectURL(chosen);
    const media =
      field.kind === "image"
        ? element("img", { src: url, alt: chosen.name })
        : element("audio", { controls: "", src: url });
    preview.replaceChildren(media, element("span", { class: "file-name" }, `${chosen.name} (${chosen.size} bytes)`));
  };
  input.addEventListener("change", () => show(input.files?.[0]));
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    show(event.dataTransfer?.files[0]);
  });
  return { node: element("div", { class: "field" }, label, zone), value: () => file };
}

function tableEditor(field: Field, label: HTMLElement): Input {
  const initial = (typeof field.initial === "object" ? field.initial : { column: [""] }) as TableValue;
  let columns = Object.keys(initial);
  let rows = Array.from({ length: Math.max(1, ...columns.map((column) => initial[column]?.length ?? 0)) }, (_, row) =>
    columns.map((column) => initial[column]?.[row] ?? ""),
  );
  const grid = element("table", { class: "table-editor", "data-testid": "table-editor" });
  const draw = () => {
    const cell = (value: string, change: (next: string) => void, header = false) => {
      const input = element("input", { value, "aria-label": header ? "column name" : "cell" });
      input.addEventListener("input", () => change(input.value));
      return element(header ? "th" : "td", {}, input);
    };
    const head = element(
      "tr",
      {},
      ...columns.map((column, index) => cell(column, (next) => (columns[index] = next), true)),
    );
    const body = rows.map((row) =>
      element("tr", {}, ...row.map((value, index) => cell(value, (next) => (row[index] = next)))),
    );
    grid.replaceChildren(element("thead", {}, head), element("tbody", {}, ...body));
  };
  const button = (text: string, action: () => void) => {
    const node = element("button", { type: "button", class: "small" }, text);
    node.addEventListener("click", () => {
      action();
      draw();
    });
    return node;
  };
  draw();
  const tools = element(
    "div",
    { class: "table-tools" },
    button("+ row", () => rows.push(columns.map(() => ""))),
    button("+ column", () => {
      columns = [...columns, `column ${columns.length + 1}`];
      rows = rows.map((row) => [...row, ""]);
    }),
    button("− row", () => rows.length > 1 && rows.pop()),
    button("− column", () => {
      if (columns.length < 2) return;
      columns = columns.slice(0, -1);
      rows = rows.map((row) => row.slice(0, -1));
    }),
  );
  return {
    node: element("div", { class: "field" }, label, element("div", { class: "table-scroll" }, grid), tools),
    value: () => Object.fromEntries(columns.map((column, index) => [column, rows.map((row) => row[index] ?? "")])),
  };
}
