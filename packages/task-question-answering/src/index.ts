export { questionAnswering } from "./question-answering.js";
export type {
  QuestionAnsweringFunction,
  QuestionAnsweringMethod,
  QuestionAnsweringOptions,
  QuestionAnsweringParameters,
  QuestionAnsweringOutput,
} from "./question-answering.js";
