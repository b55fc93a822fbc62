export { tableQuestionAnswering } from "./table-question-answering.js";
export type {
  TableQuestionAnsweringOptions,
  TableQuestionAnsweringOutput,
  TableQuestionAnsweringParameters,
} from "./table-question-answering.js";
export type { TableQuestionAnsweringCell, TableQuestionAnsweringTable } from "./table.js";
