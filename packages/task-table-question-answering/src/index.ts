export { tableQuestionAnswering } from "./table-question-answering.js";
export type { TableQuestionAnsweringOptions, TableQuestionAnsweringOutput } from "./table-question-answering.js";
export type { TableQuestionAnsweringCell, TableQuestionAnsweringTable } from "./table.js";
