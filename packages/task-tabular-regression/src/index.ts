export { tabularRegression } from "./tabular-regression.js";
export type { TabularRegressionOptions, TabularRegressionOutput } from "./tabular-regression.js";
export type { Table, TableCell } from "@infer/core";
