export { transformSource, SOURCE_EXTENSIONS, type TransformResult } from "./transform.js";
export { migrate, formatReport, runMigrate, type MigrateOptions, type MigrateReport } from "./migrate.js";
export {
  TASKS,
  type TaskEntry,
  type InputsMapping,
  type ParametersMapping,
  type ResultRewrite,
  type PathStep,
} from "./task-table.js";
