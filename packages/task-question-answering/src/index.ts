export { questionAnswering } from "./question-answering.js";
export type { QuestionAnsweringOptions, QuestionAnsweringOutput } from "./question-answering.js";
