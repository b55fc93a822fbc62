export { documentQuestionAnswering } from "./document-question-answering.js";
export type {
  DocumentQuestionAnsweringOptions,
  DocumentQuestionAnsweringOutput,
  DocumentQuestionAnsweringParameters,
} from "./document-question-answering.js";
