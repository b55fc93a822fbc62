export { questionAnswering } from "./question-answering.js";
export type {
  QuestionAnsweringOptions,
  QuestionAnsweringParameters,
  QuestionAnsweringOutput,
} from "./question-answering.js";
