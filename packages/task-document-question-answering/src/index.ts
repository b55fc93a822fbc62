export { documentQuestionAnswering } from "./document-question-answering.js";
export type {
  DocumentQuestionAnsweringOptions,
  DocumentQuestionAnsweringOutput,
} from "./document-question-answering.js";
