export { tabularClassification } from "./tabular-classification.js";
export type { TabularClassificationOptions, TabularClassificationOutput } from "./tabular-classification.js";
export type { Table, TableCell } from "@infer/core";
